using System.Net;
using System.Net.Http.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>Unit codes are matched without regard to case everywhere and answered as registered; units are renamed and deactivated.</summary>
public sealed class UnitCodeTests(SubmissionFixture fixture)
{
    [Fact]
    public async Task Upper_and_mixed_case_codes_drive_quotas_and_entries_in_any_case_and_are_answered_as_registered()
    {
        var year = await fixture.OpenContestAsync();
        var upper = $"TH-HK-{year}";
        var mixed = $"Hoi-CCB-{year}";
        foreach (var code in new[] { upper, mixed })
        {
            var registered = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị {code}", kind = "school" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            Assert.Equal(code, (await ReadAsync(registered)).GetProperty("code").GetString());
        }

        var quota = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}/quotas/{upper.ToLowerInvariant()}", new { target = 2 });
        Assert.Equal(HttpStatusCode.OK, quota.StatusCode);
        Assert.Equal(upper, (await ReadAsync(quota)).GetProperty("unitCode").GetString());
        using var portal = fixture.Service.CreateClient(TestCallers.Unit(upper.ToLowerInvariant()));
        var byPortal = await SubmitExpectingAsync(portal, year, Entry(year * 10), HttpStatusCode.Created);
        var forMixed = Entry(year * 10 + 1);
        forMixed["unitCode"] = mixed.ToUpperInvariant();
        var bySecretariat = await SubmitExpectingAsync(fixture.Secretariat, year, forMixed, HttpStatusCode.Created);

        Assert.Equal(upper, byPortal.GetProperty("unitCode").GetString());
        Assert.Equal(mixed, bySecretariat.GetProperty("unitCode").GetString());
        var listed = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?unitCode={mixed.ToLowerInvariant()}"));
        Assert.Equal(mixed, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("unitCode").GetString());
        var own = await ReadAsync(await portal.GetAsync($"/api/contests/{year}/entries?unitCode={upper}"));
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        var entryId = byPortal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/api/contests/{year}/entries/{entryId}")).StatusCode);
        var quotas = await ReadAsync(await portal.GetAsync($"/api/contests/{year}/quotas"));
        Assert.Equal(upper, Assert.Single(quotas.GetProperty("items").EnumerateArray()).GetProperty("unitCode").GetString());
        var accepted = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryAccepted>().Where(e => e.Message.Year == year)
            .Select(e => e.Message.UnitCode).Distinct().Order().ToList()), codes => codes.Count == 2);
        Assert.Equal([mixed, upper], accepted);
        Assert.Contains(fixture.Bus.Received<QuotaSet>(), q => q.Message.Year == year && q.Message.UnitCode == upper);
        Assert.Equal(HttpStatusCode.NoContent, (await portal.DeleteAsync($"/api/contests/{year}/entries/{entryId}")).StatusCode);
    }

    [Fact]
    public async Task Code_differing_only_in_case_is_a_conflict_naming_the_registered_code()
    {
        var code = $"Quan-Doan-{Guid.NewGuid():N}"[..24];
        Assert.Equal(HttpStatusCode.Created, (await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = "Quận đoàn", kind = "association" })).StatusCode);

        var again = await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code = code.ToUpperInvariant(), name = "Quận đoàn Hoàn Kiếm", kind = "association" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ReadAsync(again);
        Assert.Equal("unit_exists", problem.GetProperty("code").GetString());
        Assert.Contains(code, problem.GetProperty("detail").GetString());
        var units = await ReadAsync(await fixture.Secretariat.GetAsync("/api/units?pageSize=200"));
        Assert.Single(units.GetProperty("items").EnumerateArray(), u => string.Equals(u.GetProperty("code").GetString(), code, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Renamed_unit_keeps_its_code_and_the_new_name_is_published()
    {
        var year = await fixture.OpenContestAsync();
        var (code, _) = await fixture.UnitAsync(year, "Phong-Noi-Vu");

        var renamed = await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code.ToUpperInvariant()}", new { name = "  Phòng Nội vụ quận " });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var unit = await ReadAsync(renamed);
        Assert.Equal((code, "Phòng Nội vụ quận", true), (unit.GetProperty("code").GetString(), unit.GetProperty("name").GetString(), unit.GetProperty("active").GetBoolean()));
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<UnitRenamed>().Where(r => r.Message.Code == code).ToList()), found => found.Count > 0);
        Assert.Equal("Phòng Nội vụ quận", published[0].Message.Name);
    }

    [Fact]
    public async Task Deactivated_unit_gets_no_token_and_cannot_submit_but_keeps_its_entries_until_reactivated()
    {
        var year = await fixture.OpenContestAsync();
        var code = $"Truong-TH-{year}";
        var registered = await ReadAsync(await fixture.Secretariat.PostAsJsonAsync("/api/units", new { code, name = "Trường Tiểu học Tràng An", kind = "school" }));
        var credentials = new { clientId = registered.GetProperty("clientId").GetString(), clientSecret = registered.GetProperty("clientSecret").GetString() };
        using var portal = fixture.Service.CreateClient(TestCallers.Unit(code));
        var sent = await SubmitExpectingAsync(portal, year, Entry(year * 10), HttpStatusCode.Created);

        var deactivated = await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code.ToLowerInvariant()}", new { active = false });

        Assert.False((await ReadAsync(deactivated)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Secretariat.PostAsJsonAsync("/internal/credentials/verify", credentials)).StatusCode);
        await SubmitExpectingAsync(portal, year, Entry(year * 10 + 1), HttpStatusCode.Forbidden, "unit_inactive");
        var forUnit = Entry(year * 10 + 2);
        forUnit["unitCode"] = code;
        await SubmitExpectingAsync(fixture.Secretariat, year, forUnit, HttpStatusCode.Forbidden, "unit_inactive");
        var kept = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries?unitCode={code}"));
        Assert.Equal(sent.GetProperty("id").GetGuid(), Assert.Single(kept.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code}", new { active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PostAsJsonAsync("/internal/credentials/verify", credentials)).StatusCode);
        await SubmitExpectingAsync(portal, year, Entry(year * 10 + 1), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_unit_update_is_a_problem_and_changes_nothing()
    {
        var year = await fixture.OpenContestAsync();
        var (code, portal) = await fixture.UnitAsync(year, "hang-ma");

        var empty = await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code}", new { });
        var blank = await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code}", new { name = "   ", active = false });
        var tooLong = await fixture.Secretariat.PatchAsJsonAsync($"/api/units/{code}", new { name = new string('x', 201) });
        var wrongType = await fixture.Secretariat.PatchAsync($"/api/units/{code}", JsonContent.Create(new { active = "no" }));
        var unknown = await fixture.Secretariat.PatchAsJsonAsync("/api/units/khong-co-don-vi-nay", new { name = "Không có" });
        var byUnit = await portal.PatchAsJsonAsync($"/api/units/{code}", new { name = "Tự đổi tên" });

        // A body of the wrong type is malformed_request in production; here the developer exception page words it.
        foreach (var (response, status, problemCode) in new (HttpResponseMessage, HttpStatusCode, string?)[]
        {
            (empty, HttpStatusCode.BadRequest, "validation_failed"), (blank, HttpStatusCode.BadRequest, "validation_failed"),
            (tooLong, HttpStatusCode.BadRequest, "validation_failed"), (wrongType, HttpStatusCode.BadRequest, null),
            (unknown, HttpStatusCode.NotFound, "unit_not_found"), (byUnit, HttpStatusCode.Forbidden, "forbidden")
        })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (problemCode is not null)
            {
                Assert.Equal(problemCode, (await ReadAsync(response)).GetProperty("code").GetString());
            }
        }
        var units = await ReadAsync(await fixture.Secretariat.GetAsync("/api/units?pageSize=200"));
        var unit = Assert.Single(units.GetProperty("items").EnumerateArray(), u => u.GetProperty("code").GetString() == code);
        Assert.Equal(($"Đơn vị {code}", true), (unit.GetProperty("name").GetString(), unit.GetProperty("active").GetBoolean()));
        Assert.DoesNotContain(fixture.Bus.Received<UnitRenamed>(), r => r.Message.Code == code);
    }
}
