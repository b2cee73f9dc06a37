using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>
/// A real headless Chromium (Debian's) pointed at the gateway, as a person at a phone (360 px) or a desk sees the site.
/// Every page a test opens is scanned with axe, and a serious or critical violation fails the test.
/// </summary>
public sealed class WebSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IBrowserContext context;

    private WebSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, int width)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
        Page = page;
        Width = width;
    }

    public IPage Page { get; }
    public int Width { get; }
    public bool Phone => Width < 600;

    public static async Task<WebSession> StartAsync(SystemFixture system, int width)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = system.GatewayAddress.ToString(),
            ViewportSize = new() { Width = width, Height = width < 600 ? 780 : 900 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh"
        });
        // A dozen processes share two cores with the browser: a sign-in's five redirects can take seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return new WebSession(playwright, browser, context, page, width);
    }

    /// <summary>Opens a page of the site and checks it as every page is checked.</summary>
    public async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        await CheckPageAsync();
    }

    /// <summary>No serious or critical accessibility violation, Vietnamese, and nothing wider than the screen.</summary>
    public async Task CheckPageAsync()
    {
        Assert.Equal("vi", await Page.GetAttributeAsync("html", "lang"));
        var result = await Page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(grave.Count == 0, $"{Page.Url}: " + string.Join("; ", grave.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{Page.Url} scrolls sideways at {Width} px");
    }

    /// <summary>Signs in at the gateway's sign-in page with the keyboard: the account, the secret, Enter.</summary>
    public async Task SignInAsync(string account, string secret, string returnPath = "/")
    {
        await Page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Page.Locator("input:not([type=hidden]):not([type=password]):not([type=submit]):not([type=checkbox])").First.FillAsync(account);
        var password = Page.Locator("input[type=password]").First;
        await password.FillAsync(secret);
        await password.PressAsync("Enter");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath.Split('?')[0]);
        await CheckPageAsync();
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus, as a keyboard user would.</summary>
    public async Task TabToAsync(string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                Assert.True(await Page.EvaluateAsync<bool>("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'"), $"{selector} shows no focus");
                return;
            }
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector} on {Page.Url}");
    }

    /// <summary>Written by the test run into docs/images/ (committed), where the README shows them.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(Repository.Root, "docs", "images");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }

}

/// <summary>The secretariat's side of a test, through the public API: a contest year, units, judges, finalisation.</summary>
public sealed class Secretariat(SystemFixture system, HttpClient client)
{
    public static async Task<Secretariat> SignInAsync(SystemFixture system) =>
        new(system, system.Client(await system.SecretariatTokenAsync()));

    public Task OpenContestAsync(int year, int minWords, int maxWords, TimeSpan? closesIn = null) =>
        system.OpenContestAsync(client, year, minWords: minWords, maxWords: maxWords, closesIn: closesIn);

    /// <summary>Registers a unit and returns the credentials it signs in with.</summary>
    public async Task<(string ClientId, string Secret)> RegisterUnitAsync(string code, string name, int quota, int year)
    {
        var unit = await Expect(await client.PostAsJsonAsync("/api/units", new { code, name, kind = "ward" }));
        await Expect(await client.PutAsJsonAsync($"/api/contests/{year}/quotas/{code}", new { target = quota }));
        return (unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!);
    }

    public async Task<(string ClientId, string Secret)> AddJudgeAsync(int year, string fullName)
    {
        var judge = await Expect(await client.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName }));
        return (judge.GetProperty("clientId").GetString()!, judge.GetProperty("clientSecret").GetString()!);
    }

    public async Task<JsonElement> SubmitForAsync(int year, string unitCode, object entry) =>
        await Expect(await client.PostAsJsonAsync($"/api/contests/{year}/entries", entry));

    public Task<HttpResponseMessage> PutAsync(string path, object body) => client.PutAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostAsync(string path) => client.PostAsync(path, null);

    public async Task<JsonElement> GetAsync(string path) => await Expect(await client.GetAsync(path));

    /// <summary>Reporting counts from events: waits until the public tallies show the unit's accepted entries.</summary>
    public Task WaitForTallyAsync(int year, string unitCode, int accepted) =>
        TestSupport.Eventually.Until(
            async () => (await GetAsync($"/api/reports/{year}/tallies?pageSize=200")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(t => t.GetProperty("unitCode").GetString() == unitCode) is { ValueKind: JsonValueKind.Object } tally
                    ? tally.GetProperty("accepted").GetInt32() : -1,
            count => count == accepted, TimeSpan.FromSeconds(60));

    public static async Task<JsonElement> Expect(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public SystemFixture System => system;
}
