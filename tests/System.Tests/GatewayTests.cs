using System.Net;
using System.Net.Http.Json;
using System.Text;
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
    public async Task Wrong_secret_gets_no_token()
    {
        using var client = system.Client();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "secretariat",
            ["client_secret"] = "not-the-secret"
        }));
        await AssertProblem(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Forged_token_is_401()
    {
        using var client = system.Client("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXRhcmlhdCIsInJvbGUiOiJzZWNyZXRhcmlhdCJ9.c2lnbmF0dXJl");
        using var response = await client.GetAsync("/api/units");
        await AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
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
