using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class AppraisalTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task An_appraisal_keeps_who_and_when_lists_by_status_and_is_audited()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntryAsync(year, "Lương Quốc Hưng", "Hàng Gai");
        await fixture.AcceptEntryAsync(year, "Bà Dương Thị Thường", "Hàng Bài");
        await fixture.WaitForRegisterAsync(year, count: 2, entries: 2);
        var hung = await fixture.NomineeIdAsync(year, "Lương Quốc Hưng");
        var thuong = await fixture.NomineeIdAsync(year, "Bà Dương Thị Thường");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var verified = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{hung}/appraisal",
            new { outcome = "verified", note = "Xác minh tại tổ dân phố số 2." });
        var rejected = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{thuong}/appraisal",
            new { outcome = "REJECTED", note = "Việc làm chưa được xác minh." });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var view = await verified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("verified", view.GetProperty("status").GetString());
        Assert.Equal("secretariat", view.GetProperty("appraisedBy").GetString());
        Assert.InRange(view.GetProperty("appraisedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("Xác minh tại tổ dân phố số 2.", view.GetProperty("appraisalNote").GetString());

        Assert.Equal([hung], (await fixture.NomineesAsync(year, "verified")).EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal([thuong], (await fixture.NomineesAsync(year, "rejected")).EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        Assert.Empty((await fixture.NomineesAsync(year, "proposed")).EnumerateArray());

        var audit = (await fixture.GetAsync($"/api/recognition/{year}/audit?subjectId={thuong}")).GetProperty("items");
        var appraisal = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "nominee.appraised");
        Assert.Equal("secretariat", appraisal.GetProperty("actorId").GetString());
        Assert.Equal("proposed", appraisal.GetProperty("changes").GetProperty("from").GetProperty("status").GetString());
        Assert.Equal("rejected", appraisal.GetProperty("changes").GetProperty("to").GetProperty("status").GetString());

        var events = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<NomineeAppraised>().Where(e => e.Message.Year == year).ToList()), e => e.Count == 2);
        Assert.Contains(events, e => e.Message.NomineeId == hung && e.Message.Outcome == "verified");
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal((2, 1, 1, 0), (summary.GetProperty("nomineesIntroduced").GetInt32(), summary.GetProperty("verified").GetInt32(),
            summary.GetProperty("rejected").GetInt32(), summary.GetProperty("commended").GetInt32()));
    }

    [Fact]
    public async Task A_bad_appraisal_is_refused_and_changes_nothing()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntryAsync(year, "Trần Thị Lan Phương", "Hàng Buồm");
        await fixture.WaitForRegisterAsync(year, count: 1, entries: 1);
        var id = await fixture.NomineeIdAsync(year, "Trần Thị Lan Phương");

        var unknownOutcome = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{id}/appraisal", new { outcome = "approved" });
        var unknownNominee = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{Guid.NewGuid()}/appraisal", new { outcome = "verified" });
        var malformed = await fixture.Secretariat.PostAsync($"/api/recognition/{year}/nominees/{id}/appraisal",
            new StringContent("{\"outcome\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownOutcome.StatusCode);
        Assert.Equal("validation_failed", (await unknownOutcome.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownNominee.StatusCode);
        Assert.Equal("nominee_not_found", (await unknownNominee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("proposed", (await fixture.GetAsync($"/api/recognition/{year}/nominees/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recognition_is_for_the_secretariat_only()
    {
        var year = fixture.NewYear();
        using var anonymous = fixture.Service.CreateClient();
        using var unit = fixture.Service.CreateClient(TestCallers.Unit("phuong-hang-gai"));
        using var judge = fixture.Service.CreateClient(TestCallers.Judge("j1"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/recognition/{year}/nominees")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/recognition/{year}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostAsJsonAsync($"/api/recognition/{year}/decisions", new { number = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync("/api/recognition/reward-table/base-salaries/2026-07-01", new { amount = 1 })).StatusCode);
    }

    [Fact]
    public async Task The_service_describes_its_api_in_openapi()
    {
        using var anonymous = fixture.Service.CreateClient();
        var document = await anonymous.GetStringAsync("/openapi/v1.json");

        Assert.All(new[] { "/api/recognition/{year}/nominees", "/api/recognition/{year}/decisions", "/api/recognition/{year}/commendations",
            "/api/recognition/{year}/units/proposed", "/api/recognition/{year}/summary", "/api/recognition/{year}/audit", "/api/recognition/reward-table" },
            path => Assert.Contains($"\"{path}", document));
    }
}
