using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using HoanKiem.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// The web app's way in, driven by a plain HTTP client as a browser would: authorize, the sign-in page, the code, its
/// exchange with PKCE, and a refresh; the tokens it gets are accepted by the services behind the gateway.
/// </summary>
public sealed partial class SignInTests(SystemFixture system)
{
    [Fact]
    public async Task Authorization_code_with_pkce_signs_a_unit_in_and_the_services_accept_its_token()
    {
        var (year, unitCode, clientId, secret) = await UnitAsync();
        using var browser = Browser();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        var code = await SignInAsync(browser, clientId, secret, verifier);
        using var exchange = await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier
        });
        var tokens = await ReadTokensAsync(exchange);
        Assert.InRange(tokens.GetProperty("expires_in").GetInt32(), 890, 900);
        Assert.True(tokens.TryGetProperty("id_token", out _), "openid asked for an id_token");

        using var api = system.Client(tokens.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/contests/{year}/entries")).StatusCode);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(clientId, me.GetProperty("clientId").GetString());
        Assert.Equal("unit", me.GetProperty("role").GetString());
        Assert.Equal(unitCode, me.GetProperty("unitCode").GetString());
        Assert.Contains("entries.submit", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        using var refresh = await TokenRequestAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!
        });
        using var refreshed = system.Client((await ReadTokensAsync(refresh)).GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await refreshed.GetAsync($"/api/contests/{year}/entries")).StatusCode);
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_gets_no_token()
    {
        var (_, _, clientId, secret) = await UnitAsync();
        using var browser = Browser();
        var code = await SignInAsync(browser, clientId, secret, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));

        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Sign_in_page_is_a_labelled_vietnamese_form_with_an_antiforgery_token()
    {
        using var browser = Browser();
        using var page = await browser.GetAsync("/account/login?returnUrl=%2F");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("<label for=\"accountId\">Mã tài khoản</label>", html);
        Assert.Contains("<label for=\"secret\">", html);
        Assert.Matches(AntiforgeryField(), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = Browser();
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accountId"] = "secretariat",
            ["secret"] = SystemFixture.SecretariatSecret,
            ["returnUrl"] = "/"
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("hoankiem.account=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_secret_on_the_sign_in_page_shows_an_error_and_signs_no_one_in()
    {
        using var browser = Browser();
        var (token, _) = await LoginFormAsync(browser, "/account/login?returnUrl=%2F");
        using var response = await browser.PostAsync("/account/login", Form(token, "secretariat", "not-the-secret", "/"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Mã tài khoản hoặc mật khẩu không đúng.", html);
        Assert.DoesNotContain("not-the-secret", html);
    }

    [Fact]
    public async Task Authorize_refuses_a_redirect_uri_that_is_not_the_web_apps()
    {
        using var browser = Browser();
        using var response = await browser.GetAsync(AuthorizePath("S256-challenge-placeholder-0123456789012345678") .Replace(
            Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("http://evil.example/signin-oidc")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private string RedirectUri => $"{system.Issuer}signin-oidc";

    private string AuthorizePath(string challenge) =>
        $"/connect/authorize?client_id=web&response_type=code&scope={Uri.EscapeDataString("openid profile offline_access api")}" +
        $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=s{Guid.NewGuid():N}";

    /// <summary>Authorize, get sent to the sign-in page, sign in, and follow back to the code.</summary>
    private async Task<string> SignInAsync(HttpClient browser, string accountId, string secret, string verifier)
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var authorize = await browser.GetAsync(AuthorizePath(challenge));
        Assert.Equal(HttpStatusCode.Found, authorize.StatusCode);
        var login = authorize.Headers.Location!;
        Assert.Equal("/account/login", login.AbsolutePath);

        var (token, returnUrl) = await LoginFormAsync(browser, login.PathAndQuery);
        using var signIn = await browser.PostAsync("/account/login", Form(token, accountId, secret, returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/connect/authorize?", signIn.Headers.Location!.OriginalString);

        using var back = await browser.GetAsync(signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Found, back.StatusCode);
        var redirect = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, redirect.AbsoluteUri);
        var query = System.Web.HttpUtility.ParseQueryString(redirect.Query);
        return query["code"] ?? throw new InvalidOperationException($"No code in {redirect}");
    }

    private static async Task<(string Token, string ReturnUrl)> LoginFormAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value);
        return (token, returnUrl);
    }

    private static FormUrlEncodedContent Form(string token, string accountId, string secret, string returnUrl) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["accountId"] = accountId,
        ["secret"] = secret,
        ["returnUrl"] = returnUrl
    });

    /// <summary>A token request from the web app, authenticated with its secret in HTTP Basic.</summary>
    private async Task<HttpResponseMessage> TokenRequestAsync(Dictionary<string, string> form)
    {
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        var secret = await model.Resources.OfType<ParameterResource>().Single(p => p.Name == ResourceNames.WebClientSecret).GetValueAsync(CancellationToken.None);
        using var client = system.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"web:{secret}")));
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private static async Task<JsonElement> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = system.GatewayAddress,
        Timeout = TimeSpan.FromSeconds(30)
    };

    private async Task<(int Year, string UnitCode, string ClientId, string Secret)> UnitAsync()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        await system.OpenContestAsync(secretariat, year);
        var unit = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units",
            new { code = $"dang-nhap-{year}-{Guid.NewGuid():N}"[..30], name = "Phường Hàng Bạc", kind = "ward" }), HttpStatusCode.Created);
        return (year, unit.GetProperty("code").GetString()!, unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
