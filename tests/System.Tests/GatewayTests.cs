using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.TestSupport;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>The gateway as the only door: tokens, roles, the body limit, and problem+json for every refusal.</summary>
public sealed class GatewayTests(SystemFixture system)
{
    [Fact]
    public async Task Call_without_token_is_401_problem()
    {
        using var client = system.Client();
        using var response = await client.GetAsync("/api/units");
        await AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Unit_calling_a_secretariat_call_is_403_problem()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var unit = await ThinSliceTests.ReadJson(
            await secretariat.PostAsJsonAsync("/api/units", new { code = $"quan-doan-{year}", name = "Quận đoàn", kind = "association" }), HttpStatusCode.Created);
        using var portal = system.Client(await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!));

        using var response = await portal.PostAsJsonAsync("/api/units", new { code = $"other-{year}", name = "Khác", kind = "other" });
        await AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Body_over_256_KB_is_413_problem()
    {
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var huge = new StringContent($"{{\"title\":\"x\",\"body\":\"{new string('a', 300 * 1024)}\"}}", Encoding.UTF8, "application/json");
        using var response = await secretariat.PostAsync($"/api/contests/{system.NewYear()}/entries", huge);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Wrong_secret_gets_an_rfc_6749_invalid_client_error()
    {
        using var client = system.Client();
        using var response = await client.PostAsync("/connect/token", ClientCredentials("secretariat", "not-the-secret"));
        await AssertOAuthError(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Basic");
        Assert.DoesNotContain("not-the-secret", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Client_credentials_in_http_basic_get_a_token_not_to_be_cached()
    {
        using var client = system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" })
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"secretariat:{SystemFixture.SecretariatSecret}")));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 890, 900);
        using var secretariat = system.Client(token.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/units?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_rs256_with_the_key_id_of_a_published_key()
    {
        using var client = system.Client();
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var header = JsonDocument.Parse(Base64UrlEncoder.Decode((await system.SecretariatTokenAsync()).Split('.')[0])).RootElement;

        Assert.Equal(system.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{system.Issuer}.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.All(keys, key => Assert.False(key.TryGetProperty("d", out _), "a private key is published"));
        Assert.Contains(keys, key => key.GetProperty("kid").GetString() == header.GetProperty("kid").GetString() && key.GetProperty("kty").GetString() == "RSA");
    }

    [Fact]
    public async Task Ten_wrong_secrets_for_one_client_lock_it_out_with_429_and_retry_after()
    {
        var clientId = $"unit-brute-{Guid.NewGuid():N}";
        using var client = system.Client();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var wrong = await client.PostAsync("/connect/token", ClientCredentials(clientId, $"guess-{attempt}"));
            await AssertOAuthError(wrong, HttpStatusCode.Unauthorized, "invalid_client");
        }

        using var locked = await client.PostAsync("/connect/token", ClientCredentials(clientId, "guess-10"));
        await AssertOAuthError(locked, HttpStatusCode.TooManyRequests, "slow_down");
        Assert.True(locked.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing");

        // Another client from the same address is not locked out by this one's guesses.
        using var other = await client.PostAsync("/connect/token", ClientCredentials("secretariat", SystemFixture.SecretariatSecret));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static FormUrlEncodedContent ClientCredentials(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret
    });

    /// <summary>An RFC 6749 §5.2 error: a JSON body with <c>error</c>, never cached.</summary>
    internal static async Task AssertOAuthError(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var answer = JsonDocument.Parse(body);
        Assert.Equal(error, answer.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Forged_token_is_401()
    {
        using var client = system.Client("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXRhcmlhdCIsInJvbGUiOiJzZWNyZXRhcmlhdCJ9.c2lnbmF0dXJl");
        using var response = await client.GetAsync("/api/units");
        await AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Gateway_request_is_named_after_the_route_the_service_served()
    {
        var year = system.NewYear();
        var traceId = ActivityTraceId.CreateRandom();
        // Only the configured proxy's trace context is continued; an outsider's request starts a trace of its own.
        using var secretariat = system.ClientFrom(SystemFixture.TrustedProxy, await system.SecretariatTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/contests/{year}")
        {
            Content = JsonContent.Create(new
            {
                title = $"Viết về gương người tốt, việc tốt năm {year}",
                opensAt = DateTimeOffset.UtcNow.AddDays(-1),
                closesAt = DateTimeOffset.UtcNow.AddDays(30)
            })
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await secretariat.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains(MatchedRoute.HeaderName));
        await Eventually.Until(() => Task.FromResult(system.Telemetry.HasSpan(traceId, "PUT /api/contests/{year}")), found => found);
        Assert.False(system.Telemetry.HasSpan(traceId, "PUT /api/contests/{**rest}"));
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }
}
