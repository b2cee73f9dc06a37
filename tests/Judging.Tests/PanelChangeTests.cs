using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>The panel as people change it: judges leave or are replaced, conflicts come to light, results reopen.</summary>
public sealed class PanelChangeTests(JudgingFixture fixture)
{
    private const string HangGai = "phuong-hang-gai";
    private const string QuanDoan = "quan-doan";
    private const string HoiPhuNu = "hoi-phu-nu";

    [Fact]
    public async Task Removing_a_judge_keeping_scores_moves_only_their_unscored_entries_and_stops_their_scoring()
    {
        var year = fixture.NewYear();
        var (entries, judges) = await AssignedPanelAsync(year, 2, [HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan, HoiPhuNu], [HangGai, null, null, null]);
        var leaving = judges[1];
        var theirs = (await fixture.AssignmentsAsync(year)).Where(a => a.JudgeId == leaving.Id).Select(a => a.EntryId).ToList();
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(leaving, year, theirs[0], 40)).StatusCode);

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{leaving.Id}/removal", new { keepScores = true, reason = "Ốm dài ngày" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var removal = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, removal.GetProperty("scoresKept").GetInt32());
        Assert.Equal(theirs.Count - 1, removal.GetProperty("work").GetProperty("left").GetInt32());
        var after = await fixture.AssignmentsAsync(year);
        Assert.Equal([theirs[0]], after.Where(a => a.JudgeId == leaving.Id).Select(a => a.EntryId));
        Assert.True(after.Single(a => a.JudgeId == leaving.Id).IsScored);
        await PanelRules.AssertAsync(fixture, year);
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(leaving, year, theirs[0], 45), HttpStatusCode.Forbidden, "forbidden");
        var verified = await fixture.Service.CreateClient().PostAsJsonAsync("/internal/credentials/verify", new { clientId = leaving.ClientId, clientSecret = "whatever-it-was" });
        Assert.NotEqual(HttpStatusCode.OK, verified.StatusCode);
        var audit = await fixture.QueryAsync(db => db.AuditRecords.SingleAsync(r => r.Action == "judge.removed" && r.SubjectId == leaving.Id.ToString()));
        Assert.Contains("\"keepScores\":true", audit.Changes);
        Assert.Contains("Ốm dài ngày", audit.Changes);
        var listed = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/judges");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == leaving.Id && j.GetProperty("removedAt").ValueKind == JsonValueKind.String);
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{leaving.Id}/removal", new { keepScores = true }),
            HttpStatusCode.Conflict, "judge_removed");
        Assert.Equal(entries.Count, (await fixture.ProgressAsync(year)).GetProperty("entriesAssigned").GetInt32());
    }

    [Fact]
    public async Task Removing_a_judge_dropping_scores_gives_all_their_entries_to_others_and_says_so_in_the_audit()
    {
        var year = fixture.NewYear();
        var (_, judges) = await AssignedPanelAsync(year, 2, [HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan], [null, null, null, QuanDoan, HoiPhuNu]);
        var leaving = judges[0];
        var theirs = (await fixture.AssignmentsAsync(year)).Where(a => a.JudgeId == leaving.Id).Select(a => a.EntryId).ToList();
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(leaving, year, theirs[0], 40)).StatusCode);

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{leaving.Id}/removal", new { keepScores = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var removal = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, removal.GetProperty("scoresDropped").GetInt32());
        Assert.Equal(theirs.Count, removal.GetProperty("work").GetProperty("reassigned").GetInt32());
        Assert.DoesNotContain(await fixture.AssignmentsAsync(year), a => a.JudgeId == leaving.Id);
        await PanelRules.AssertAsync(fixture, year);
        var audit = await fixture.QueryAsync(db => db.AuditRecords.SingleAsync(r => r.Action == "judge.removed" && r.SubjectId == leaving.Id.ToString()));
        Assert.Contains("\"keepScores\":false", audit.Changes);
        Assert.Contains("\"scoresDropped\":1", audit.Changes);
    }

    [Fact]
    public async Task Replacing_a_judge_gives_the_replacement_their_work_first_and_a_working_credential()
    {
        var year = fixture.NewYear();
        var (_, judges) = await AssignedPanelAsync(year, 2, [HangGai, QuanDoan, HangGai, QuanDoan, HangGai, QuanDoan], [null, null, null, null]);
        var leaving = judges[2];
        var theirs = (await fixture.AssignmentsAsync(year)).Where(a => a.JudgeId == leaving.Id).Select(a => a.EntryId).Order().ToList();

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{leaving.Id}/replacement",
            new { fullName = "Giám khảo Đỗ Minh Châu", unitCode = HoiPhuNu, keepScores = true, reason = "Chuyển công tác" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var replacement = await fixture.SignInAsync(body.GetProperty("replacement"));
        var after = await fixture.AssignmentsAsync(year);
        var given = after.Where(a => a.JudgeId == replacement.Id).Select(a => a.EntryId).ToList();
        Assert.Equal(theirs, given.Order());
        await PanelRules.AssertAsync(fixture, year);
        var mine = await JudgingFixture.GetAsync(replacement.Client, $"/api/judging/{year}/assignments/mine");
        Assert.Equal(given.Count, mine.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(replacement, year, given[0], 42)).StatusCode);
    }

    [Fact]
    public async Task A_judge_declaring_a_conflict_loses_the_entry_to_another_judge_and_no_run_gives_it_back()
    {
        var year = fixture.NewYear();
        var (_, judges) = await AssignedPanelAsync(year, 2, [HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan, HoiPhuNu, HangGai], [null, null, null, null, HoiPhuNu]);
        var judge = judges[0];
        var entryId = (await fixture.AssignmentsAsync(year)).First(a => a.JudgeId == judge.Id).EntryId;

        var response = await judge.Client.PostAsJsonAsync($"/api/judging/{year}/assignments/mine/{entryId}/conflict", new { reason = "Tác giả là người nhà của tôi" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await fixture.AssignmentsAsync(year);
        Assert.DoesNotContain(after, a => a.JudgeId == judge.Id && a.EntryId == entryId);
        Assert.Equal(2, after.Count(a => a.EntryId == entryId));
        await PanelRules.AssertAsync(fixture, year);
        Assert.Equal(0, (await (await fixture.AssignAsync(year)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignmentsCreated").GetInt32());
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judge, year, entryId, 40), HttpStatusCode.Forbidden, "forbidden");
        var conflicts = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/judges/{judge.Id}/conflicts");
        var conflict = Assert.Single(conflicts.EnumerateArray());
        Assert.Equal("judge", conflict.GetProperty("declaredBy").GetString());
        Assert.Equal(entryId, conflict.GetProperty("entryId").GetGuid());
        Assert.True(await fixture.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "judge.conflict-declared" && r.SubjectId == entryId.ToString() && r.ActorId == judge.ClientId)));

        var scored = (await fixture.AssignmentsAsync(year)).First(a => a.JudgeId == judge.Id).EntryId;
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, scored, 40)).StatusCode);
        await JudgingFixture.ProblemAsync(await judge.Client.PostAsJsonAsync($"/api/judging/{year}/assignments/mine/{scored}/conflict", new { reason = "Muộn" }),
            HttpStatusCode.Conflict, "already_scored");
        await JudgingFixture.ProblemAsync(await judge.Client.PostAsJsonAsync($"/api/judging/{year}/assignments/mine/{scored}/conflict", new { reason = " " }),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_unit_conflict_recorded_by_the_secretariat_moves_that_units_unscored_entries_and_binds_later_runs()
    {
        var year = fixture.NewYear();
        var (_, judges) = await AssignedPanelAsync(year, 1, [HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan], [null, null, null, null]);
        var judge = judges[3];
        await fixture.RegisterUnitAsync(QuanDoan);

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{judge.Id}/conflicts", new { unitCode = "Quan-Doan", reason = "Vợ công tác tại Quận đoàn" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await PanelRules.AssertAsync(fixture, year);
        var later = await fixture.AcceptEntryAsync(year, QuanDoan);
        await fixture.WaitForEntriesAsync(year, 9);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        Assert.DoesNotContain(await fixture.AssignmentsAsync(year), a => a.EntryId == later && a.JudgeId == judge.Id);
        await PanelRules.AssertAsync(fixture, year);

        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{judge.Id}/conflicts", new { unitCode = "khong-co-don-vi-nay", reason = "Thử" }),
            HttpStatusCode.NotFound, "unit_not_found");
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{judge.Id}/conflicts", new { unitCode = QuanDoan, entryId = later, reason = "Thử" }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.Single((await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/judges/{judge.Id}/conflicts")).EnumerateArray());
    }

    [Fact]
    public async Task A_judge_from_a_unit_judging_never_heard_of_is_refused_and_nothing_is_added()
    {
        var year = fixture.NewYear();

        var response = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges", new { fullName = "Giám khảo Vũ Thị Lan", unitCode = "phuong-chua-co" });

        await JudgingFixture.ProblemAsync(response, HttpStatusCode.NotFound, "unit_not_found");
        Assert.Equal(0, (await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/judges")).GetProperty("total").GetInt32());
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{Guid.NewGuid()}/removal", new { }),
            HttpStatusCode.BadRequest, "validation_failed");
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/judges/{Guid.NewGuid()}/removal", new { keepScores = true }),
            HttpStatusCode.NotFound, "judge_not_found");
    }

    [Fact]
    public async Task Reopened_results_take_corrected_scores_and_finalising_again_publishes_the_new_ranking()
    {
        var year = fixture.NewYear();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new
        {
            judgesPerEntry = 1,
            prizes = new { first = 1, second = 0, third = 0, encouragement = 0 },
            cityForwardCount = 1
        })).StatusCode);
        var entries = await fixture.AcceptEntriesAsync(year, HangGai, QuanDoan);
        var judge = await fixture.AddJudgeAsync(year, "Giám khảo Hoàng Văn Nam");
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, entries[0], 45)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, entries[1], 30)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null)).StatusCode);
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/reopen", new { }), HttpStatusCode.BadRequest, "validation_failed");

        var reopen = await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{year}/reopen", new { reason = "Cộng nhầm điểm bài thứ hai" });

        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.GetAsync($"/api/judging/{year}/results"), HttpStatusCode.Conflict, "judging_not_finalized");
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, entries[1], 50)).StatusCode);
        Assert.False((await fixture.ProgressAsync(year)).GetProperty("finalized").GetBoolean());
        var again = await fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var results = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(entries[1], results.GetProperty("items")[0].GetProperty("entryId").GetGuid());
        Assert.Equal(2, results.GetProperty("total").GetInt32());

        var finalized = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<JudgingFinalized>().Where(e => e.Message.Year == year).ToList()), e => e.Count >= 2);
        Assert.Equal([entries[0], entries[1]], finalized.OrderBy(e => e.Message.FinalizedAt).Select(e => e.Message.Results.Single(r => r.Prize == "first").EntryId));
        var reopened = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<ResultsReopened>().Where(e => e.Message.Year == year).ToList()), e => e.Count >= 1);
        Assert.Equal("Cộng nhầm điểm bài thứ hai", Assert.Single(reopened).Message.Reason);
        // Stored times are whole milliseconds, so the reopening names the first finalisation to the millisecond.
        Assert.Equal(finalized.Min(e => e.Message.FinalizedAt).ToUnixTimeMilliseconds(), reopened[0].Message.FinalizedAt.ToUnixTimeMilliseconds());
        Assert.True(await fixture.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "results.reopened" && r.Changes.Contains("Cộng nhầm điểm"))));
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsJsonAsync($"/api/judging/{fixture.NewYear()}/reopen", new { reason = "Thử" }), HttpStatusCode.Conflict, "judging_not_finalized");
    }

    [Fact]
    public async Task The_scoring_deadline_is_shown_to_judges_and_once_past_progress_names_the_judges_behind()
    {
        var year = fixture.NewYear();
        var (entries, judges) = await AssignedPanelAsync(year, 1, [HangGai, QuanDoan, HoiPhuNu, HangGai], [null, null]);
        var deadline = DateTimeOffset.UtcNow.AddDays(3);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings/scoring-deadline", new { scoringDeadline = deadline })).StatusCode);

        var seen = await JudgingFixture.GetAsync(judges[0].Client, $"/api/judging/{year}/settings");
        Assert.Equal(deadline.ToUnixTimeSeconds(), seen.GetProperty("scoringDeadline").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Empty((await fixture.ProgressAsync(year)).GetProperty("judgesBehind").EnumerateArray());

        var first = (await fixture.AssignmentsAsync(year)).Where(a => a.JudgeId == judges[0].Id).ToList();
        foreach (var assignment in first)
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[0], year, assignment.EntryId, 40)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings/scoring-deadline", new { scoringDeadline = DateTimeOffset.UtcNow.AddMinutes(-1) })).StatusCode);

        var behind = (await fixture.ProgressAsync(year)).GetProperty("judgesBehind").EnumerateArray().ToList();
        var late = Assert.Single(behind);
        Assert.Equal(judges[1].Id, late.GetProperty("judgeId").GetGuid());
        Assert.Equal(entries.Count - first.Count, late.GetProperty("unscored").GetInt32());
        var malformed = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings/scoring-deadline", new { scoringDeadline = "ngày mai" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A year with its settings, entries from the given units, judges from the given units and everything assigned.</summary>
    private async Task<(List<Guid> Entries, List<TestJudge> Judges)> AssignedPanelAsync(int year, int judgesPerEntry, string[] entryUnits, string?[] judgeUnits)
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry })).StatusCode);
        var entries = await fixture.AcceptEntriesAsync(year, entryUnits);
        var judges = await fixture.AddJudgesAsync(year, judgeUnits);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        await PanelRules.AssertAsync(fixture, year);
        return (entries, judges);
    }
}

/// <summary>What the planner promises after every change to the panel, checked on what is stored.</summary>
public static class PanelRules
{
    /// <summary>
    /// Every entry in judging has its judges, distinct and on the panel (a removed judge keeps only scored work); no judge
    /// holds unscored work on an entry of their unit or one their conflicts cover; the loads of the judges on the panel
    /// are within 1 of each other.
    /// </summary>
    public static async Task AssertAsync(JudgingFixture fixture, int year)
    {
        var (panel, judges, entries, assignments, conflicts) = await fixture.QueryAsync(async db => (
            await db.Years.AsNoTracking().SingleAsync(y => y.Year == year),
            await db.Judges.AsNoTracking().Where(j => j.Year == year).ToDictionaryAsync(j => j.Id),
            await db.Entries.AsNoTracking().Where(e => e.Year == year && e.Status == EntryStatus.Accepted).ToDictionaryAsync(e => e.Id),
            await db.Assignments.AsNoTracking().Where(a => a.Year == year).ToListAsync(),
            await db.Conflicts.AsNoTracking().Where(c => c.Year == year).ToListAsync()));

        foreach (var entry in entries.Values)
        {
            var onEntry = assignments.Where(a => a.EntryId == entry.Id).ToList();
            Assert.True(onEntry.Count == panel.JudgesPerEntry, $"entry {entry.Id} has {onEntry.Count} judges, not {panel.JudgesPerEntry}");
            Assert.Equal(onEntry.Count, onEntry.Select(a => a.JudgeId).Distinct().Count());
        }
        foreach (var assignment in assignments.Where(a => !a.IsScored))
        {
            var judge = judges[assignment.JudgeId];
            var entry = entries[assignment.EntryId];
            Assert.True(judge.OnPanel, $"removed judge {judge.FullName} still holds entry {entry.Id}");
            Assert.False(UnitCodes.Same(judge.UnitCode, entry.UnitCode), $"{judge.FullName} judges an entry of their own unit {entry.UnitCode}");
            Assert.DoesNotContain(conflicts, c => c.JudgeId == judge.Id && (c.EntryId == entry.Id || (c.UnitCode is not null && UnitCodes.Same(c.UnitCode, entry.UnitCode))));
        }
        var loads = judges.Values.Where(j => j.OnPanel).Select(j => assignments.Count(a => a.JudgeId == j.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(", ", loads)} are more than 1 apart");
    }
}
