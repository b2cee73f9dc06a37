using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>Finalisation, the ranking it freezes, the event it publishes, the downloads and the city's outcome.</summary>
public sealed class ResultsTests(JudgingFixture fixture)
{
    [Fact]
    public async Task Finalisation_is_refused_while_scores_are_missing_and_says_how_many()
    {
        var year = fixture.NewYear();
        var entries = await fixture.AcceptEntriesAsync(year, "phuong-hang-gai", "quan-doan");
        var judges = await fixture.AddJudgesAsync(year, null, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[0], year, entries[0], 40)).StatusCode);

        var problem = await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null), HttpStatusCode.Conflict, "scores_missing");

        Assert.Equal(5, problem.GetProperty("missingScores").GetInt32());
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.GetAsync($"/api/judging/{year}/results"), HttpStatusCode.Conflict, "judging_not_finalized");
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judges[0], year, entries[0], 42)).StatusCode);
    }

    [Fact]
    public async Task Finalisation_ranks_by_mean_then_content_then_receipt_gives_prizes_freezes_and_publishes_once()
    {
        var year = fixture.NewYear();
        var settings = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new
        {
            judgesPerEntry = 2,
            prizes = new { first = 1, second = 1, third = 1, encouragement = 0 },
            cityForwardCount = 2
        });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var at = DateTimeOffset.Parse($"{year}-05-01T09:00:00+07:00");
        var earlyHighContent = await fixture.AcceptEntryAsync(year, "phuong-hang-gai", at);
        var earliestLowContent = await fixture.AcceptEntryAsync(year, "quan-doan", at.AddHours(-1));
        var lateHighContent = await fixture.AcceptEntryAsync(year, "hoi-phu-nu", at.AddHours(1));
        var best = await fixture.AcceptEntryAsync(year, "phuong-hang-bac", at.AddHours(2));
        await fixture.WaitForEntriesAsync(year, 4);
        var judges = await fixture.AddJudgesAsync(year, null, null);
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        // Both judges score every entry; totals: 75, 75, 75, 80 from each judge.
        foreach (var judge in judges)
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, earlyHighContent, 40, 20, 15)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, earliestLowContent, 30, 25, 20)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, lateHighContent, 40, 15, 20)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, best, 35, 25, 20)).StatusCode);
        }

        var finalize = new HttpRequestMessage(HttpMethod.Post, $"/api/judging/{year}/finalize") { Headers = { { "Idempotency-Key", $"finalize-{year}" } } };
        var response = await fixture.Secretariat.SendAsync(finalize);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = results.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, results.GetProperty("total").GetInt32());
        Assert.Equal([best, earlyHighContent, lateHighContent, earliestLowContent], items.Select(i => i.GetProperty("entryId").GetGuid()));
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(["first", "second", "third", null], items.Select(i => i.GetProperty("prize").GetString()));
        Assert.Equal([true, true, false, false], items.Select(i => i.GetProperty("forwardedToCity").GetBoolean()));
        Assert.Equal([80, 75, 75, 75], items.Select(i => i.GetProperty("score").GetDouble()));
        Assert.Equal("phuong-hang-bac", items[0].GetProperty("unitCode").GetString());
        Assert.False(items[0].TryGetProperty("normalizedScore", out _));

        var replay = await fixture.Secretariat.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/judging/{year}/finalize") { Headers = { { "Idempotency-Key", $"finalize-{year}" } } });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null), HttpStatusCode.Conflict, "judging_finalized");
        await JudgingFixture.ProblemAsync(await fixture.ScoreAsync(judges[0], year, best, 10), HttpStatusCode.Conflict, "judging_finalized");
        await JudgingFixture.ProblemAsync(await fixture.AssignAsync(year), HttpStatusCode.Conflict, "judging_finalized");
        await JudgingFixture.ProblemAsync(await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 3 }), HttpStatusCode.Conflict, "judging_finalized");

        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<JudgingFinalized>().Where(e => e.Message.Year == year).ToList()), e => e.Count >= 1);
        Assert.Single(await FinalizationsStoredAsync(year));
        var finalized = Assert.Single(published).Message;
        Assert.Equal([best, earlyHighContent, lateHighContent, earliestLowContent], finalized.Results.Select(r => r.EntryId));
        Assert.Equal(["first", "second", "third", null], finalized.Results.Select(r => r.Prize));
        Assert.Equal(2, finalized.Results.Count(r => r.ForwardedToCity));
        Assert.Equal("phuong-hang-gai", finalized.Results[1].UnitCode);

        var forJudge = await JudgingFixture.GetAsync(judges[1].Client, $"/api/judging/{year}/results?page=2&pageSize=3&normalized=true");
        Assert.Equal(4, forJudge.GetProperty("total").GetInt32());
        var last = Assert.Single(forJudge.GetProperty("items").EnumerateArray());
        Assert.Equal(earliestLowContent, last.GetProperty("entryId").GetGuid());
        Assert.True(last.TryGetProperty("normalizedScore", out _));
    }

    [Fact]
    public async Task Concurrent_finalisations_finalise_once_and_publish_one_event()
    {
        var year = fixture.NewYear();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 1 })).StatusCode);
        var entries = await fixture.AcceptEntriesAsync(year, "phuong-hang-gai", "quan-doan", "hoi-phu-nu");
        var judge = await fixture.AddJudgeAsync(year, "Giám khảo");
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, entry, 30 + i)).StatusCode);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await JudgingFixture.ProblemAsync(refused, HttpStatusCode.Conflict, "judging_finalized");
        }
        Assert.Equal(3, await fixture.QueryAsync(db => db.Results.CountAsync(r => r.Year == year)));
        Assert.Single(await FinalizationsStoredAsync(year));
        var published = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<JudgingFinalized>().Where(e => e.Message.Year == year).ToList()), e => e.Count >= 1);
        Assert.Equal(entries[2], Assert.Single(published).Message.Results[0].EntryId);
    }

    [Fact]
    public async Task Results_download_as_csv_and_the_citys_outcome_is_recorded_for_forwarded_entries_only()
    {
        var year = fixture.NewYear();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 1, cityForwardCount = 1 })).StatusCode);
        await fixture.Bus.PublishAsync(new UnitRegistered("phuong-hang-gai", "Phường Hàng Gai", "ward", DateTimeOffset.UtcNow));
        await Eventually.Until(() => fixture.QueryAsync(db => db.Units.AnyAsync(u => u.Code == "phuong-hang-gai")), known => known);
        var top = await fixture.AcceptEntryAsync(year, "phuong-hang-gai");
        var other = await fixture.AcceptEntryAsync(year, "quan-doan");
        await fixture.WaitForEntriesAsync(year, 2);
        var judge = await fixture.AddJudgeAsync(year, "Giám khảo");
        Assert.Equal(HttpStatusCode.OK, (await fixture.AssignAsync(year)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, top, 50, 30, 20)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ScoreAsync(judge, year, other, 10, 10, 10)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PostAsync($"/api/judging/{year}/finalize", null)).StatusCode);

        var csv = await fixture.Secretariat.GetAsync($"/api/judging/{year}/results.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,entryId,title,unitCode,unitName,score,prize,forwardedToCity,cityOutcome", lines[0]);
        Assert.StartsWith($"1,{top},", lines[1]);
        Assert.Contains(",phuong-hang-gai,Phường Hàng Gai,100,first,true,", lines[1]);
        Assert.Equal(3, lines.Length);

        var notForwarded = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/entries/{other}/city-outcome", new { outcome = "Giải Ba" });
        await JudgingFixture.ProblemAsync(notForwarded, HttpStatusCode.UnprocessableEntity, "entry_not_forwarded");
        var invalid = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/entries/{top}/city-outcome", new { outcome = "   " });
        await JudgingFixture.ProblemAsync(invalid, HttpStatusCode.BadRequest, "validation_failed");
        var recorded = await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/entries/{top}/city-outcome", new { outcome = " Giải  Ba " });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Secretariat.PutAsJsonAsync($"/api/judging/{year}/entries/{top}/city-outcome", new { outcome = "Giải Ba" })).StatusCode);

        var events = await Eventually.Until(() => Task.FromResult(fixture.Bus.Received<CityOutcomeRecorded>().Where(e => e.Message.Year == year).ToList()), e => e.Count >= 1);
        var outcome = Assert.Single(events).Message;
        Assert.Equal((top, "phuong-hang-gai", "Giải Ba"), (outcome.EntryId, outcome.UnitCode, outcome.Outcome));
        var results = await JudgingFixture.GetAsync(fixture.Secretariat, $"/api/judging/{year}/results");
        Assert.Equal("Giải Ba", results.GetProperty("items")[0].GetProperty("cityOutcome").GetString());
    }

    /// <summary>The year's finalisations waiting in or relayed from judging's outbox, read from their stored UTF-8.</summary>
    private Task<List<JudgingFinalized>> FinalizationsStoredAsync(int year) =>
        fixture.QueryAsync(async db => (await db.OutboxMessages.Where(m => m.MessageType.Contains(nameof(JudgingFinalized))).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<JudgingFinalized>(m.Payload, MessageSerialization.Options)!)
            .Where(finalized => finalized.Year == year)
            .ToList());
}
