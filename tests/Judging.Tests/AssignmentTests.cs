using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>Assignment through the real pipeline: entries arrive as events, judges come from the API.</summary>
public sealed class AssignmentTests(JudgingFixture fixture)
{
    private const string HangGai = "phuong-hang-gai";
    private const string QuanDoan = "quan-doan";
    private const string HoiPhuNu = "hoi-phu-nu";

    [Fact]
    public async Task Every_entry_gets_three_distinct_judges_never_from_its_unit_with_loads_within_one()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, [.. Enumerable.Range(0, 20).Select(i => new[] { HangGai, QuanDoan, HoiPhuNu }[i % 3])]);
        var judges = await fixture.AddJudgesAsync(year, HangGai, HangGai, QuanDoan, HoiPhuNu, null, null, null);

        var response = await fixture.AssignAsync(year);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20, run.GetProperty("entries").GetInt32());
        Assert.Equal(20, run.GetProperty("newlyAssigned").GetInt32());
        Assert.Equal(7, run.GetProperty("judges").GetInt32());
        Assert.Equal(8, run.GetProperty("minPerJudge").GetInt32());
        Assert.Equal(9, run.GetProperty("maxPerJudge").GetInt32());
        await AssertAssignmentRulesAsync(year, judges, 3);
    }

    [Fact]
    public async Task A_dry_run_shows_each_judges_load_saves_nothing_and_confirming_makes_those_loads()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntriesAsync(year, HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan);
        var judges = await fixture.AddJudgesAsync(year, HangGai, QuanDoan, null, null, null);

        var preview = await fixture.AssignAsync(year, "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var planned = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(planned.GetProperty("dryRun").GetBoolean());
        Assert.Equal(15, planned.GetProperty("assignmentsCreated").GetInt32());
        Assert.Empty(await fixture.AssignmentsAsync(year));
        var loads = planned.GetProperty("loads").EnumerateArray().ToDictionary(l => l.GetProperty("judgeId").GetGuid());
        Assert.Equal(judges.Select(j => j.Id).Order(), loads.Keys.Order());
        Assert.All(loads.Values, l => Assert.Equal(0, l.GetProperty("before").GetInt32()));
        Assert.Equal(15, loads.Values.Sum(l => l.GetProperty("after").GetInt32()));
        Assert.Equal("Giám khảo 1", loads[judges[0].Id].GetProperty("fullName").GetString());

        var confirmed = await (await fixture.AssignAsync(year)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(confirmed.GetProperty("dryRun").GetBoolean());
        var made = await fixture.AssignmentsAsync(year);
        foreach (var judge in judges)
        {
            Assert.Equal(loads[judge.Id].GetProperty("after").GetInt32(), made.Count(a => a.JudgeId == judge.Id));
        }
        var second = await (await fixture.AssignAsync(year, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("assignmentsCreated").GetInt32());
        Assert.All(second.GetProperty("loads").EnumerateArray(), l => Assert.Equal(l.GetProperty("before").GetInt32(), l.GetProperty("after").GetInt32()));
    }

    [Fact]
    public async Task A_second_run_assigns_late_entries_without_moving_earlier_work()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntriesAsync(year, HangGai, QuanDoan, HoiPhuNu, HangGai, QuanDoan);
        var judges = await fixture.AddJudgesAsync(year, HangGai, QuanDoan, HoiPhuNu, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        var first = await fixture.AssignmentsAsync(year);
        var scoredOne = first[0];
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges.Single(j => j.Id == scoredOne.JudgeId), year, scoredOne.EntryId, 40)).StatusCode);

        foreach (var unit in new[] { HoiPhuNu, HangGai, QuanDoan })
        {
            await fixture.AcceptEntryAsync(year, unit);
        }
        await fixture.WaitForEntriesAsync(year, 8);
        var response = await fixture.AssignAsync(year);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(8, run.GetProperty("entries").GetInt32());
        Assert.Equal(3, run.GetProperty("newlyAssigned").GetInt32());
        var after = await fixture.AssignmentsAsync(year);
        foreach (var earlier in first)
        {
            var same = Assert.Single(after, a => a.Id == earlier.Id);
            Assert.Equal((earlier.EntryId, earlier.JudgeId), (same.EntryId, same.JudgeId));
        }
        Assert.Equal(40, after.Single(a => a.Id == scoredOne.Id).Points["content"]);
        await AssertAssignmentRulesAsync(year, judges, 3);

        var again = await (await fixture.AssignAsync(year)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("newlyAssigned").GetInt32());
        Assert.Equal(after.Count, (await fixture.AssignmentsAsync(year)).Count);
    }

    [Fact]
    public async Task Too_few_judges_free_of_conflict_is_a_422_naming_the_unit_and_nothing_is_assigned()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntriesAsync(year, HangGai, QuanDoan);
        await fixture.AddJudgesAsync(year, HangGai, HangGai, null);

        var response = await fixture.AssignAsync(year);

        var problem = await JudgingFixture.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "assignment_infeasible");
        Assert.Contains(HangGai, problem.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("không cùng đơn vị", problem.GetProperty("detail").GetString());
        Assert.Empty(await fixture.AssignmentsAsync(year));
    }

    [Fact]
    public async Task A_judge_named_with_a_unit_code_in_another_case_is_kept_off_that_units_entries()
    {
        var year = fixture.NewYear();
        var school = $"TH-HK-{year}";
        var entries = await fixture.AcceptEntriesAsync(year, school, QuanDoan);
        var judges = await fixture.AddJudgesAsync(year, school.ToLowerInvariant(), null, null, null);

        var response = await fixture.AssignAsync(year);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schoolJudge = judges[0].Id;
        var assignments = await fixture.AssignmentsAsync(year);
        Assert.DoesNotContain(assignments, a => a.JudgeId == schoolJudge && a.EntryId == entries[0]);
        Assert.Contains(assignments, a => a.JudgeId == schoolJudge);
    }

    [Fact]
    public async Task Loads_that_cannot_stay_within_one_are_refused_unless_the_secretariat_allows_uneven_loads()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntriesAsync(year, HangGai, HangGai, HangGai);
        var judges = await fixture.AddJudgesAsync(year, HangGai, HangGai, HangGai, null, null, null);

        var refused = await fixture.AssignAsync(year);

        await JudgingFixture.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "assignment_infeasible");
        Assert.Empty(await fixture.AssignmentsAsync(year));

        var uneven = await fixture.AssignAsync(year, "?allowUneven=true");
        Assert.Equal(HttpStatusCode.OK, uneven.StatusCode);
        var assignments = await fixture.AssignmentsAsync(year);
        Assert.Equal(9, assignments.Count);
        Assert.All(assignments, a => Assert.Null(judges.Single(j => j.Id == a.JudgeId).UnitCode));
    }

    [Fact]
    public async Task A_withdrawn_entry_leaves_judging_with_its_assignments_and_scores()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, HangGai, QuanDoan, HoiPhuNu);
        var judges = await fixture.AddJudgesAsync(year, null, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[0], year, entries[0], 30)).StatusCode);

        await fixture.Bus.PublishAsync(new EntryWithdrawn(entries[0], year, HangGai, DateTimeOffset.UtcNow));
        await fixture.WaitForEntriesAsync(year, 2);

        Assert.DoesNotContain(await fixture.AssignmentsAsync(year), a => a.EntryId == entries[0]);
        var mine = await JudgingFixture.GetAsync(judges[0].Client, $"/api/judging/{year}/assignments/mine");
        Assert.DoesNotContain(entries[0], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entryId").GetGuid()));
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judges[0], year, entries[0], 30), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_withdrawal_overtaking_its_acceptance_keeps_the_entry_out_and_a_redelivered_acceptance_is_handled_once()
    {
        var year = fixture.NewYear();
        var withdrawn = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new EntryWithdrawn(withdrawn, year, HangGai, DateTimeOffset.UtcNow));
        var messageId = Guid.NewGuid();
        // The same message delivered twice (here with different content, to see which copy took effect).
        var copies = new[]
        {
            await fixture.AcceptEntryAsync(year, QuanDoan, messageId: messageId),
            await fixture.AcceptEntryAsync(year, QuanDoan, messageId: messageId)
        };
        await fixture.WaitForEntriesAsync(year, 1);
        await Eventually.Until(() => fixture.QueryAsync(db => Task.FromResult(db.Entries.Any(e => e.Id == withdrawn))), seen => seen);
        await fixture.Bus.PublishAsync(new EntryTextSubmitted(withdrawn, year, HangGai, "Bài đã rút", TestData.Article(1), "urban", 1400, DateTimeOffset.UtcNow));

        await Eventually.Until(() => fixture.QueryAsync(db => Task.FromResult(db.Entries.Any(e => e.Id == withdrawn && e.Title == "Bài đã rút"))), seen => seen);

        var progress = await fixture.ProgressAsync(year);
        Assert.Equal(1, progress.GetProperty("entries").GetInt32());
        var stored = await fixture.QueryAsync(db => Task.FromResult(db.Entries.Where(e => e.Year == year).ToList()));
        Assert.Equal(2, stored.Count);
        Assert.Equal("withdrawn", stored.Single(e => e.Id == withdrawn).Status);
        Assert.Equal("accepted", Assert.Single(stored, e => copies.Contains(e.Id)).Status);
    }

    private async Task AssertAssignmentRulesAsync(int year, List<TestJudge> judges, int perEntry)
    {
        var assignments = await fixture.AssignmentsAsync(year);
        var units = await fixture.QueryAsync(db => Task.FromResult(db.Entries.Where(e => e.Year == year).ToDictionary(e => e.Id, e => e.UnitCode)));
        foreach (var entry in assignments.GroupBy(a => a.EntryId))
        {
            Assert.Equal(perEntry, entry.Select(a => a.JudgeId).Distinct().Count());
            Assert.Equal(perEntry, entry.Count());
            Assert.All(entry, a => Assert.NotEqual(units[entry.Key], judges.Single(j => j.Id == a.JudgeId).UnitCode));
        }
        Assert.Equal(units.Count, assignments.Select(a => a.EntryId).Distinct().Count());
        var loads = judges.Select(j => assignments.Count(a => a.JudgeId == j.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }
}
