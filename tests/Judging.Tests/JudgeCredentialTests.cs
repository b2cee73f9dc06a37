using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>A judge's credential replaced by the judge, reset or disabled by the secretariat; the panel's writes audited.</summary>
public sealed class JudgeCredentialTests(JudgingFixture fixture)
{
    [Fact]
    public async Task A_judge_replaces_their_own_secret_and_the_secretariat_disables_it()
    {
        var year = fixture.NewYear();
        var (id, clientId, secret) = await AddJudgeAsync(year, "Phạm Thu Hà");
        var judge = fixture.Service.CreateClient(TestCallers.Judge(id));

        var replaced = await judge.PostAsJsonAsync($"/api/judging/{year}/judges/{id}/credential", new { passphrase = "chấm bài công tâm 2024" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.True(replaced.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(clientId, secret)).StatusCode);
        var verified = await VerifyAsync(clientId, "chấm bài công tâm 2024");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("Phạm Thu Hà", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var disabled = await fixture.Secretariat.DeleteAsync($"/api/judging/{year}/judges/{id}/credential");

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(clientId, "chấm bài công tâm 2024")).StatusCode);
        var audit = await AuditAsync($"subjectType=judge&subjectId={id}");
        Assert.Equal(["judge.added", "credential.replaced", "credential.disabled"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal($"judge-{id}", audit[1].GetProperty("actorId").GetString());
    }

    [Fact]
    public async Task A_judge_cannot_reset_another_judges_credential_nor_disable_one()
    {
        var year = fixture.NewYear();
        var (intruderId, _, _) = await AddJudgeAsync(year, "Lê Văn Nam");
        var (victimId, victimClientId, victimSecret) = await AddJudgeAsync(year, "Đỗ Thị Mai");
        var intruder = fixture.Service.CreateClient(TestCallers.Judge(intruderId));

        var reset = await intruder.PostAsJsonAsync($"/api/judging/{year}/judges/{victimId}/credential", new { });
        var disable = await intruder.DeleteAsync($"/api/judging/{year}/judges/{victimId}/credential");

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal("forbidden", (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync("/api/judging/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(victimClientId, victimSecret)).StatusCode);
    }

    [Fact]
    public async Task Settings_changed_by_a_staff_member_are_audited_with_their_name()
    {
        var year = fixture.NewYear();
        var staff = fixture.Service.CreateClient(new Caller("staff-0a1b2c3d4e5f", Roles.Secretariat, null, null, "Nguyễn Thị Hoa"));

        var response = await staff.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 2, prizes = new { first = 1, second = 1, third = 2, encouragement = 5 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await AuditAsync($"actor=staff-0a1b2c3d4e5f&year={year}"));
        Assert.Equal(("settings.set", "Nguyễn Thị Hoa"), (record.GetProperty("action").GetString(), record.GetProperty("actorName").GetString()));
        Assert.Equal(2, record.GetProperty("changes").GetProperty("judgesPerEntry").GetInt32());
    }

    private async Task<(string Id, string ClientId, string Secret)> AddJudgeAsync(int year, string fullName)
    {
        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    private async Task<List<JsonElement>> AuditAsync(string query) =>
        [.. (await fixture.Secretariat.GetFromJsonAsync<JsonElement>($"/api/judging/audit?pageSize=200&{query}")).GetProperty("items").EnumerateArray()];

    private Task<HttpResponseMessage> VerifyAsync(string clientId, string clientSecret) =>
        fixture.Service.CreateClient().PostAsJsonAsync(CredentialVerification.Route, new { clientId, clientSecret });
}
