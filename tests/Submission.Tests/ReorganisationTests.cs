using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;
using static HoanKiem.Submission.Tests.SubmissionFixture;

namespace HoanKiem.Submission.Tests;

/// <summary>
/// Years after 1 July 2025, when Hoàn Kiếm district was dissolved into wards: a ward organises the contest, and units
/// still write the nominee's old ward.
/// </summary>
public sealed class ReorganisationTests(SubmissionFixture fixture)
{
    private async Task<int> OpenWardYearAsync(string areaCode = "phuong-hoan-kiem")
    {
        var year = fixture.NewYear();
        var response = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = $"Người tốt, việc tốt phường Hoàn Kiếm năm {year}",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            organiser = new { areaCode }
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return year;
    }

    private static JsonObject EntryFor(int seed, string ward)
    {
        var entry = Entry(seed);
        entry["nominee"]!["address"]!["ward"] = ward;
        return entry;
    }

    [Fact]
    public async Task A_ward_year_names_its_organiser_and_area_and_publishes_them()
    {
        var year = await OpenWardYearAsync();

        var contest = await ReadAsync(await fixture.Service.CreateClient().GetAsync($"/api/contests/{year}"));

        var organiser = contest.GetProperty("organiser");
        Assert.Equal(("Ủy ban nhân dân phường Hoàn Kiếm", "ward", "phường Hoàn Kiếm"),
            (organiser.GetProperty("name").GetString(), organiser.GetProperty("level").GetString(), organiser.GetProperty("areaName").GetString()));
        Assert.Equal(["Hoàn Kiếm"], contest.GetProperty("districtWards").EnumerateArray().Select(w => w.GetString()));
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<ContestConfigured>().Where(c => c.Message.Year == year).ToList()), found => found.Count > 0);
        Assert.Equal(new ContestOrganiser("Ủy ban nhân dân phường Hoàn Kiếm", "ward", "phường Hoàn Kiếm", "Chủ tịch"), published[0].Message.Organiser);
    }

    [Fact]
    public async Task A_district_year_keeps_the_contract_defaults()
    {
        var year = await fixture.OpenContestAsync();

        var contest = await ReadAsync(await fixture.Service.CreateClient().GetAsync($"/api/contests/{year}"));

        Assert.Equal(District.Wards, contest.GetProperty("districtWards").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("district", contest.GetProperty("organiser").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_district_cannot_organise_a_year_after_it_was_dissolved()
    {
        var response = await fixture.Secretariat.PutAsJsonAsync($"/api/contests/{fixture.NewYear()}", new
        {
            title = "Cuộc thi",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            organiser = new { areaCode = "quan-hoan-kiem" }
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadAsync(response)).GetProperty("errors").TryGetProperty("organiser.areaCode", out _));
    }

    [Theory]
    [InlineData("Hàng Gai")]
    [InlineData("phường Lý Thái Tổ")]
    [InlineData("P. Hang Ma")]
    [InlineData("Hoàn Kiếm")]
    public async Task An_old_ward_wholly_in_the_new_ward_is_matched_to_it(string written)
    {
        var year = await OpenWardYearAsync();
        var (_, client) = await fixture.UnitAsync(year, "to-dan-pho-5");

        var receipt = await SubmitExpectingAsync(client, year, EntryFor(year * 10, written), HttpStatusCode.Created);

        var stored = await ReadAsync(await client.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}"));
        Assert.Equal("Hoàn Kiếm", stored.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
        var accepted = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<EntryAccepted>().Where(e => e.Message.Year == year).ToList()), found => found.Count > 0);
        Assert.Equal("Hoàn Kiếm", accepted[0].Message.NomineeWard);
        if (written != "Hoàn Kiếm")
        {
            Assert.Equal(written, stored.GetProperty("nomineeWard").GetProperty("written").GetString());
            Assert.False(stored.GetProperty("nomineeWard").GetProperty("toConfirm").GetBoolean());
        }
    }

    [Theory]
    [InlineData("Phan Chu Trinh")]
    [InlineData("Chương Dương")]
    [InlineData("Đống Đa")]
    public async Task A_ward_outside_the_organisers_area_is_refused_naming_the_area(string written)
    {
        var year = await OpenWardYearAsync();
        var (unit, client) = await fixture.UnitAsync(year, "truong-th");

        var problem = await SubmitExpectingAsync(client, year, EntryFor(year * 10, written), HttpStatusCode.UnprocessableEntity, "nominee_outside_district");

        Assert.Contains("phường Hoàn Kiếm", problem.GetProperty("detail").GetString());
        Assert.Equal("nominee_outside_district", Assert.Single(await fixture.RefusalsAsync(year, unit, 1)).Code);
    }

    [Fact]
    public async Task A_split_old_ward_is_accepted_flagged_and_confirmed_by_the_secretariat_with_an_audit()
    {
        var year = await OpenWardYearAsync();
        var (_, client) = await fixture.UnitAsync(year, "hoi-ccb");

        var receipt = await SubmitExpectingAsync(client, year, EntryFor(year * 10, "Hàng Bông"), HttpStatusCode.Created);
        var id = receipt.GetProperty("id").GetGuid();

        var flag = receipt.GetProperty("nomineeWard");
        Assert.True(flag.GetProperty("toConfirm").GetBoolean());
        Assert.Equal(["phường Hoàn Kiếm", "phường Cửa Nam"], flag.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));
        var pending = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/ward-confirmations"));
        Assert.Equal(id, Assert.Single(pending.GetProperty("items").EnumerateArray()).GetProperty("entryId").GetGuid());

        var wrong = await fixture.Secretariat.PostAsJsonAsync($"/api/contests/{year}/entries/{id}/ward-confirmation", new { ward = "Hồng Hà" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("ward_not_a_candidate", (await ReadAsync(wrong)).GetProperty("code").GetString());

        var confirmed = await fixture.Secretariat.PostAsJsonAsync($"/api/contests/{year}/entries/{id}/ward-confirmation", new { ward = "phường Hoàn Kiếm" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var stored = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/entries/{id}"));
        Assert.Equal("Hoàn Kiếm", stored.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
        Assert.Equal(("Hàng Bông", false, "secretariat"), (stored.GetProperty("nomineeWard").GetProperty("written").GetString(),
            stored.GetProperty("nomineeWard").GetProperty("toConfirm").GetBoolean(), stored.GetProperty("nomineeWard").GetProperty("confirmedBy").GetString()));
        Assert.Equal(0, (await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/ward-confirmations"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ReadAsync(await fixture.Secretariat.GetAsync($"/api/contests/{year}/ward-confirmations?status=confirmed"))).GetProperty("total").GetInt32());
        var corrected = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<NomineeCorrected>().Where(c => c.Message.EntryId == id).ToList()), found => found.Count > 0);
        Assert.Equal("Hoàn Kiếm", corrected[0].Message.Ward);
        var audit = (await fixture.Secretariat.GetFromJsonAsync<JsonElement>($"/api/submission/audit?pageSize=200&subjectId={id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("secretariat", Assert.Single(audit, a => a.GetProperty("action").GetString() == "nominee-ward.confirmed").GetProperty("actorId").GetString());
    }

    [Fact]
    public async Task An_entry_with_nothing_to_confirm_is_refused_confirmation()
    {
        var year = await OpenWardYearAsync();
        var (_, client) = await fixture.UnitAsync(year, "hoi-ctd");
        var id = (await SubmitExpectingAsync(client, year, EntryFor(year * 10, "Hàng Gai"), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/contests/{year}/entries/{id}/ward-confirmation", new { ward = "Hoàn Kiếm" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("ward_not_to_confirm", (await ReadAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_unit_renamed_keeps_its_code_and_one_merged_is_deactivated_and_published()
    {
        var year = fixture.NewYear();
        var (school, _) = await fixture.UnitAsync(year, "truong-thcs");
        var (group, groupClient) = await fixture.UnitAsync(year, "to-dan-pho-3");
        var (into, _) = await fixture.UnitAsync(year, "to-dan-pho-1");

        var renamed = await fixture.Secretariat.PostAsJsonAsync($"/api/units/{school}/changes",
            new { kind = "renamed", effectiveOn = "2025-07-01", name = "Trường THCS Trưng Vương phường Hoàn Kiếm" });
        var merged = await fixture.Secretariat.PostAsJsonAsync($"/api/units/{group}/changes", new { kind = "merged", effectiveOn = "2025-07-01", into = new[] { into } });
        var again = await fixture.Secretariat.PostAsJsonAsync($"/api/units/{group}/changes", new { kind = "merged", effectiveOn = "2025-08-01", into = new[] { into } });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (renamed.StatusCode, merged.StatusCode, again.StatusCode));
        Assert.Equal("unit_already_succeeded", (await ReadAsync(again)).GetProperty("code").GetString());
        var rename = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<UnitRenamed>().Where(r => r.Message.Code == school).ToList()), found => found.Count > 0);
        Assert.Equal(new DateOnly(2025, 7, 1), rename[0].Message.EffectiveOn);
        var merger = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<UnitMerged>().Where(m => m.Message.Code == group).ToList()), found => found.Count > 0);
        Assert.Equal(into, merger[0].Message.IntoCode);
        var history = await ReadAsync(await fixture.Secretariat.GetAsync($"/api/units/{into}/changes"));
        Assert.Equal(group, Assert.Single(history.GetProperty("predecessors").EnumerateArray()).GetProperty("unitCode").GetString());
        var groupNow = await SubmitExpectingAsync(groupClient, await fixture.OpenContestAsync(), Entry(year * 10), HttpStatusCode.Forbidden, "unit_inactive");
        Assert.NotNull(groupNow.GetProperty("detail").GetString());
    }
}
