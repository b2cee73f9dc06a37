using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>Blind scoring: what a judge sees, what a judge may score, and the secretariat's progress view.</summary>
public sealed class ScoringTests(JudgingFixture fixture)
{
    private const string Unit = "phuong-hang-gai";

    [Fact]
    public async Task Nothing_a_judge_is_shown_names_the_author_the_unit_or_the_nominee()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, Unit, Unit);
        var judges = await fixture.AddJudgesAsync(year, null, null, "quan-doan");
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        var judge = judges[0];

        var answers = new List<HttpResponseMessage>
        {
            await judge.Client.GetAsync($"/api/judging/{year}/assignments/mine"),
            await judge.Client.GetAsync($"/api/judging/{year}/settings"),
            await fixture.ScoreAsync(judge, year, entries[0], 41, comment: "Bài viết cảm động."),
            await fixture.ScoreAsync(judge, year, entries[1], 99),
            await judge.Client.GetAsync($"/api/judging/{year}/assignments/mine?page=1&pageSize=1"),
            await judge.Client.GetAsync($"/api/judging/{year}/results"),
        };

        var mine = await JudgingFixture.GetAsync(judge.Client, $"/api/judging/{year}/assignments/mine");
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var first = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("entryId").GetGuid() == entries[0]);
        Assert.True(first.GetProperty("scored").GetBoolean());
        Assert.Equal(1400, first.GetProperty("wordCount").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("body").GetString()));
        foreach (var answer in answers)
        {
            var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
            var texts = Strings(json).ToList();
            Assert.NotEmpty(texts);
            foreach (var leak in new[] { Unit, "Hàng Gai", "unitCode", "nominee", "author" })
            {
                Assert.DoesNotContain(texts, t => t.Contains(leak, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public async Task A_judge_scores_only_assigned_entries_within_the_rubric_and_may_revise()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, Unit, Unit, Unit, Unit);
        var judges = await fixture.AddJudgesAsync(year, null, null, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        var assignments = await fixture.AssignmentsAsync(year);
        var judge = judges[0];
        var assigned = assignments.First(a => a.JudgeId == judge.Id).EntryId;
        var notAssigned = entries.First(e => assignments.All(a => a.EntryId != e || a.JudgeId != judge.Id));

        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judge, year, notAssigned, 40), HttpStatusCode.Forbidden, "forbidden");
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judge, year, Guid.NewGuid(), 40), HttpStatusCode.Forbidden, "forbidden");
        var tooHigh = await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judge, year, assigned, 51), HttpStatusCode.UnprocessableEntity, "score_out_of_range");
        Assert.Contains("50", tooHigh.GetProperty("detail").GetString());
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judge, year, assigned, 40, writing: -1), HttpStatusCode.UnprocessableEntity, "score_out_of_range");
        var unknown = await judge.Client.PutAsJsonAsync($"/api/judging/{year}/entries/{assigned}/scores/mine",
            new { scores = new Dictionary<string, decimal> { ["content"] = 40, ["writing"] = 10, ["style"] = 5 } });
        var problem = await JudgingFixture.ProblemAsync(unknown, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scores.style", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("scores.typicality-and-spread", out _));
        Assert.DoesNotContain(await fixture.AssignmentsAsync(year), a => a.ScoredAt != null);

        var scored = await fixture.ScoreAsync(judge, year, assigned, 40.5m, 25, 18, "Lần đầu");
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(83.5m, (await scored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetDecimal());
        var revised = await fixture.ScoreAsync(judge, year, assigned, 45, 25, 18, "Chấm lại");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);

        var stored = (await fixture.AssignmentsAsync(year)).Single(a => a.JudgeId == judge.Id && a.EntryId == assigned);
        Assert.Equal(88, stored.Total);
        Assert.Equal("Chấm lại", stored.Comment);
    }

    [Fact]
    public async Task Progress_shows_scored_and_assigned_per_judge_and_entry_and_who_still_has_work()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, Unit, Unit, Unit);
        var judges = await fixture.AddJudgesAsync(year, null, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        foreach (var entry in entries)
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[0], year, entry, 40)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[1], year, entries[0], 40)).StatusCode);

        var summary = await fixture.ProgressAsync(year);
        Assert.Equal(3, summary.GetProperty("entries").GetInt32());
        Assert.Equal(9, summary.GetProperty("assignments").GetInt32());
        Assert.Equal(4, summary.GetProperty("scored").GetInt32());
        Assert.Equal(0, summary.GetProperty("entriesFullyScored").GetInt32());
        Assert.Equal(2, summary.GetProperty("judgesWithUnscoredWork").GetInt32());

        var behind = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/progress/judges?unscoredOnly=true");
        Assert.Equal(2, behind.GetProperty("total").GetInt32());
        var items = behind.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(judges[2].Id, items[0].GetProperty("judgeId").GetGuid());
        Assert.Equal((3, 0, 3), (items[0].GetProperty("assigned").GetInt32(), items[0].GetProperty("scored").GetInt32(), items[0].GetProperty("unscored").GetInt32()));
        Assert.Equal(2, items[1].GetProperty("unscored").GetInt32());

        var byEntry = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/progress/entries?pageSize=2");
        Assert.Equal(3, byEntry.GetProperty("total").GetInt32());
        Assert.Equal(2, byEntry.GetProperty("items").GetArrayLength());
        var firstEntry = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/progress/entries?pageSize=200");
        Assert.Equal(2, firstEntry.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("entryId").GetGuid() == entries[0]).GetProperty("scored").GetInt32());
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.GetAsync($"/api/judging/{year}/progress/judges?pageSize=500"), HttpStatusCode.BadRequest, "invalid_paging");
    }

    /// <summary>Every string in a JSON answer, property names included, decoded (the raw text escapes Vietnamese).</summary>
    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var text in element.EnumerateArray().SelectMany(Strings))
                {
                    yield return text;
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (var text in Strings(property.Value))
                    {
                        yield return text;
                    }
                }
                break;
        }
    }
}
