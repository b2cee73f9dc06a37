using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>A named staff account through the gateway: its own tokens, its name on what it does, and its secret's end.</summary>
public sealed class StaffAccountTests(SystemFixture system)
{
    [Fact]
    public async Task A_staff_account_gets_tokens_naming_the_person_and_loses_them_when_its_secret_is_replaced_or_disabled()
    {
        var year = system.NewYear();
        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        using var created = await secretariat.PostAsJsonAsync("/api/staff", new { fullName = "Trần Thị Lan", position = "Chuyên viên Văn phòng" });
        Assert.True(created.Headers.CacheControl?.NoStore);
        var staff = await ThinSliceTests.ReadJson(created, HttpStatusCode.Created);
        var id = staff.GetProperty("clientId").GetString()!;
        var secret = staff.GetProperty("clientSecret").GetString()!;

        var token = await system.TokenAsync(id, secret);

        var claims = new JsonWebToken(token);
        Assert.Equal((id, "secretariat", "Trần Thị Lan"), (claims.Subject, claims.GetClaim("role").Value, claims.GetClaim("name").Value));
        using var lan = system.Client(token);
        var unit = await ThinSliceTests.ReadJson(
            await lan.PostAsJsonAsync("/api/units", new { code = $"phuong-hang-ma-{year}", name = "Phường Hàng Mã", kind = "ward" }), HttpStatusCode.Created);
        var audit = await ThinSliceTests.ReadJson(await secretariat.GetAsync($"/api/submission/audit?actor={id}"), HttpStatusCode.OK);
        var record = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("unit.registered", unit.GetProperty("code").GetString(), "Trần Thị Lan"),
            (record.GetProperty("action").GetString(), record.GetProperty("subjectId").GetString(), record.GetProperty("actorName").GetString()));

        using var replaced = await lan.PostAsJsonAsync($"/api/staff/{id}/credential", new { passphrase = "Tháp Rùa giữa hồ Gươm" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        using var anonymous = system.Client();
        await GatewayTests.AssertOAuthError(await anonymous.PostAsync("/connect/token", ClientCredentials(id, secret)), HttpStatusCode.Unauthorized, "invalid_client");
        await system.TokenAsync(id, "Tháp Rùa giữa hồ Gươm");

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.DeleteAsync($"/api/staff/{id}/credential")).StatusCode);
        await GatewayTests.AssertOAuthError(await anonymous.PostAsync("/connect/token", ClientCredentials(id, "Tháp Rùa giữa hồ Gươm")), HttpStatusCode.Unauthorized, "invalid_client");
    }

    private static FormUrlEncodedContent ClientCredentials(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret
    });
}
