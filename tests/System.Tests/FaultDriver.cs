using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>What happened to one submission, as the client saw it.</summary>
public enum Outcome { Accepted, Indeterminate, Refused }

/// <summary>Lost, duplicated and unexpected entries as one holder sees them, against what the submission service holds.</summary>
public sealed record JepsenCounters(string Holder, int Lost, int Duplicated, int Unexpected)
{
    public override string ToString() => $"{Holder,-12} lost {Lost,6}  duplicated {Duplicated,6}  unexpected {Unexpected,6}";
}

/// <summary>
/// Drives distinct valid entries through the gateway from several units of a fresh contest year while a fault happens,
/// keeps a ledger of every answer (201 accepted; no answer, a cut connection or a 5xx is indeterminate: the entry may or
/// may not have been stored; any other answer refused), then reads what the submission service and every downstream
/// service hold and counts what was lost, duplicated or unexpected.
/// </summary>
public sealed class FaultDriver : IDisposable
{
    private const int SeedsPerYear = 100_000;
    private readonly SystemFixture system;
    private readonly string fault;
    private readonly int year;
    private readonly HttpClient secretariat;
    private readonly IReadOnlyList<(string Code, HttpClient Portal)> units;
    private readonly ConcurrentDictionary<int, (Outcome Outcome, Guid? EntryId, string Detail)> ledger = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int nextSeed;

    private FaultDriver(SystemFixture system, string fault, int year, HttpClient secretariat, IReadOnlyList<(string, HttpClient)> units)
    {
        this.system = system;
        this.fault = fault;
        this.year = year;
        this.secretariat = secretariat;
        this.units = units;
    }

    /// <summary>How many entries a fault test drives: <c>FAULT_SUBMISSIONS</c>, small by default to keep <c>./test.sh</c> short.</summary>
    public static int Submissions { get; } = int.TryParse(Environment.GetEnvironmentVariable("FAULT_SUBMISSIONS"), out var n) && n > 0 ? n : 90;

    /// <summary>Requests in flight at once: <c>FAULT_CONCURRENCY</c>, default 8.</summary>
    public static int Concurrency { get; } = int.TryParse(Environment.GetEnvironmentVariable("FAULT_CONCURRENCY"), out var c) && c > 0 ? c : 8;

    public int Year => year;
    public int Answered => ledger.Count;
    public int Count(Outcome outcome) => ledger.Values.Count(entry => entry.Outcome == outcome);

    /// <summary>The entries answered 201 so far.</summary>
    public IReadOnlySet<Guid> AcceptedEntries() =>
        ledger.Values.Where(entry => entry.Outcome == Outcome.Accepted).Select(entry => entry.EntryId!.Value).ToHashSet();

    /// <summary>A contest year of its own with <paramref name="unitCount"/> units, each sending with its own token.</summary>
    public static async Task<FaultDriver> StartAsync(SystemFixture system, string fault, int unitCount = 8)
    {
        var year = system.NewYear();
        var secretariat = system.Client(await system.SecretariatTokenAsync());
        await system.OpenContestAsync(secretariat, year, $"Năm thử lỗi {year}");
        var units = new List<(string, HttpClient)>();
        for (var i = 0; i < unitCount; i++)
        {
            var code = $"fault-{fault}-{year}-{i}";
            var unit = await ThinSliceTests.ReadJson(await secretariat.PostAsJsonAsync("/api/units", new { code, name = $"Đơn vị thử lỗi {i}", kind = "other" }), HttpStatusCode.Created);
            units.Add((code, system.Client(await system.TokenAsync(unit.GetProperty("clientId").GetString()!, unit.GetProperty("clientSecret").GetString()!))));
        }
        var driver = new FaultDriver(system, fault, year, secretariat, units);
        driver.Log($"year {year}, {unitCount} units, {Submissions} submissions, {Concurrency} in flight");
        return driver;
    }

    /// <summary>Repeated sends of an entry after an indeterminate answer, as a client with an Idempotency-Key makes them.</summary>
    public int Retries => retries;
    private int retries;

    /// <summary>
    /// Sends <paramref name="count"/> more entries, <see cref="Concurrency"/> at a time. After an indeterminate answer a
    /// worker awaits <paramref name="afterIndeterminate"/> (e.g. until a killed service is back) instead of firing at a
    /// dead service; the entry itself is never retried, so its fate is decided by what the services hold, unless
    /// <paramref name="retryWithSameKey"/>: then each entry goes with an Idempotency-Key and is sent again with it (a few
    /// times, backing off) until it gets an answer, as a careful client does.
    /// </summary>
    public async Task SubmitAsync(int count, Func<Task>? afterIndeterminate = null, bool retryWithSameKey = false)
    {
        var last = Interlocked.Add(ref nextSeed, 0) + count;
        var reportEvery = Math.Max(1, Submissions / 10);
        async Task WorkAsync()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref nextSeed) - 1;
                if (index >= last)
                {
                    Interlocked.Decrement(ref nextSeed);
                    return;
                }
                var seed = year * SeedsPerYear + index;
                var (code, portal) = units[index % units.Count];
                var key = retryWithSameKey ? $"{fault}-{seed}" : null;
                var answer = await SendAsync(portal, seed, code, key);
                // About a minute of resends: longer than a key stays "in progress" (30 s) after its request was cut off
                // with the gateway that carried it, when a resend runs it afresh.
                for (var attempt = 1; key is not null && answer.Outcome == Outcome.Indeterminate && attempt <= 40; attempt++)
                {
                    Interlocked.Increment(ref retries);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * attempt, 2000)));
                    answer = await SendAsync(portal, seed, code, key);
                }
                ledger[seed] = answer;
                if (ledger.Count % reportEvery == 0)
                {
                    Log($"{ledger.Count} answered: {Count(Outcome.Accepted)} accepted, {Count(Outcome.Indeterminate)} indeterminate, {Count(Outcome.Refused)} refused");
                }
                if (answer.Outcome == Outcome.Indeterminate && afterIndeterminate is not null)
                {
                    await afterIndeterminate();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkAsync)));
    }

    private async Task<(Outcome Outcome, Guid? EntryId, string Detail)> SendAsync(HttpClient portal, int seed, string unitCode, string? idempotencyKey)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{year}/entries") { Content = JsonContent.Create(TestData.Entry(seed)) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            using var response = await portal.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (int)response.StatusCode switch
            {
                201 => (Outcome.Accepted, JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), unitCode),
                >= 500 => (Outcome.Indeterminate, null, $"{(int)response.StatusCode} {body}"),
                // The first send with this key is still being handled (its gateway died, the service did not): not yet decided.
                409 when body.Contains("\"idempotency_request_in_progress\"") => (Outcome.Indeterminate, null, $"409 {body}"),
                _ => (Outcome.Refused, null, $"{(int)response.StatusCode} {body}")
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return (Outcome.Indeterminate, null, exception.GetType().Name);
        }
    }

    /// <summary>
    /// Waits until every downstream service holds at least what the submission service holds (or the time is up), lets
    /// late redeliveries land, then counts, prints and returns the counters per holder.
    /// </summary>
    public async Task<IReadOnlyList<JepsenCounters>> ConvergeAsync()
    {
        var refused = ledger.Where(e => e.Value.Outcome == Outcome.Refused).Select(e => e.Value.Detail).Take(3).ToList();
        Log($"sent {ledger.Count}: {Count(Outcome.Accepted)} accepted (201), {Count(Outcome.Indeterminate)} indeterminate, {Count(Outcome.Refused)} refused{(refused.Count > 0 ? $" ({string.Join(" | ", refused)})" : "")}");
        var held = await SubmissionHoldsAsync();
        var expected = held.Where(e => e.Status == "accepted").Select(e => e.Id).ToHashSet();
        Log($"submission holds {held.Count} entries, {expected.Count} accepted");

        var timeout = TimeSpan.FromSeconds(120 + Submissions / 10.0);
        var converging = Stopwatch.StartNew();
        try
        {
            await Eventually.Until(
                DownstreamAsync,
                holdings => expected.IsSubsetOf(holdings.Judging) && expected.IsSubsetOf(holdings.Recognition) && ReportingCounters(holdings.Tallies, held).Lost == 0,
                timeout);
            Log($"converged {converging.Elapsed.TotalSeconds:0.0} s after the last answer");
        }
        catch (TimeoutException)
        {
            // Counted below as lost: the counters say what is missing, which a bare timeout would not.
            Log($"not converged within {timeout.TotalSeconds:0} s");
        }
        // Duplicates are what the final count looks for, so none can be waited on: a redelivery whose first delivery's
        // acknowledgement a killed process lost gets a few seconds to land.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var final = await DownstreamAsync();
        IReadOnlyList<JepsenCounters> counters =
        [
            IntakeCounters(held),
            EntryCounters("judging", final.Judging, expected),
            EntryCounters("recognition", final.Recognition, expected),
            ReportingCounters(final.Tallies, held)
        ];
        foreach (var line in counters)
        {
            Log(line.ToString());
        }
        Log($"TOTAL lost {counters.Sum(c => c.Lost)} / duplicated {counters.Sum(c => c.Duplicated)} / unexpected {counters.Sum(c => c.Unexpected)} in {clock.Elapsed.TotalSeconds:0} s");
        return counters;
    }

    /// <summary>Every counter of every holder is 0, and the answers were what the fault allows.</summary>
    public static void AssertNothingLostDuplicatedOrUnexpected(IReadOnlyList<JepsenCounters> counters)
    {
        foreach (var counter in counters)
        {
            Assert.True(counter is { Lost: 0, Duplicated: 0, Unexpected: 0 }, counter.ToString());
        }
    }

    private sealed record HeldEntry(Guid Id, string UnitCode, string Title, string Status);
    /// <summary>What judging, recognition and reporting hold of a year: entry ids, nominees' entry ids, accepted per unit.</summary>
    public sealed record Downstream(List<Guid> Judging, List<Guid> Recognition, Dictionary<string, int> Tallies)
    {
        public override string ToString() =>
            $"judging {Judging.Count}, recognition {Recognition.Count}, reporting {Tallies.Values.Sum()} ({string.Join(", ", Tallies.Select(t => $"{t.Key} {t.Value}"))})";
    }

    private async Task<List<HeldEntry>> SubmissionHoldsAsync() =>
        await ReadAllAsync(secretariat, $"/api/contests/{year}/entries", item => new HeldEntry(
            item.GetProperty("id").GetGuid(), item.GetProperty("unitCode").GetString()!, item.GetProperty("title").GetString()!, item.GetProperty("status").GetString()!));

    private Task<Downstream> DownstreamAsync() => ReadDownstreamAsync(system, secretariat, year);

    /// <summary>What the services downstream of submission hold of <paramref name="year"/>, read through the gateway.</summary>
    public static async Task<Downstream> ReadDownstreamAsync(SystemFixture system, HttpClient secretariat, int year)
    {
        using var anonymous = system.Client();
        var judging = await ReadAllAsync(secretariat, $"/api/judging/{year}/progress/entries", item => item.GetProperty("entryId").GetGuid());
        var nominees = await ReadAllAsync(secretariat, $"/api/recognition/{year}/nominees",
            item => item.GetProperty("entryIds").EnumerateArray().Select(id => id.GetGuid()).ToList());
        var tallies = await ReadAllAsync(anonymous, $"/api/reports/{year}/tallies",
            item => (Unit: item.GetProperty("unitCode").GetString()!, Accepted: item.GetProperty("accepted").GetInt32()));
        return new Downstream(judging, nominees.SelectMany(ids => ids).ToList(), tallies.ToDictionary(t => t.Unit, t => t.Accepted));
    }

    /// <summary>Every 201 is held; nothing is held twice; nothing is held that was never sent or was refused.</summary>
    private JepsenCounters IntakeCounters(List<HeldEntry> held)
    {
        var acknowledged = AcceptedEntries();
        var heldIds = held.Select(e => e.Id).ToHashSet();
        var bySeed = held.GroupBy(e => int.Parse(e.Title[(e.Title.LastIndexOf(' ') + 1)..])).ToList();
        return new JepsenCounters(
            "submission",
            acknowledged.Count(id => !heldIds.Contains(id)),
            bySeed.Sum(g => g.Count() - 1),
            bySeed.Count(g => !ledger.TryGetValue(g.Key, out var answer) || answer.Outcome == Outcome.Refused));
    }

    private static JepsenCounters EntryCounters(string holder, List<Guid> holds, HashSet<Guid> expected) => new(
        holder,
        expected.Except(holds).Count(),
        holds.GroupBy(id => id).Sum(g => g.Count() - 1),
        holds.Distinct().Count(id => !expected.Contains(id)));

    /// <summary>Reporting keeps counts per unit, not entries: a shortfall is lost, an excess duplicated, any other unit's count unexpected.</summary>
    private JepsenCounters ReportingCounters(Dictionary<string, int> tallies, List<HeldEntry> held)
    {
        var expected = units.ToDictionary(u => u.Code, u => held.Count(e => e.UnitCode == u.Code && e.Status == "accepted"));
        return new JepsenCounters(
            "reporting",
            expected.Sum(u => Math.Max(0, u.Value - tallies.GetValueOrDefault(u.Key))),
            expected.Sum(u => Math.Max(0, tallies.GetValueOrDefault(u.Key) - u.Value)),
            tallies.Where(t => !expected.ContainsKey(t.Key)).Sum(t => t.Value));
    }

    /// <summary>Every item of a paged list of the API.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(HttpClient client, string path, Func<JsonElement, T> read)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var answer = await ThinSliceTests.ReadJson(await client.GetAsync($"{path}?pageSize=200&page={page}"), HttpStatusCode.OK);
            var items = answer.GetProperty("items");
            all.AddRange(items.EnumerateArray().Select(read));
            if (items.GetArrayLength() < 200 || all.Count >= answer.GetProperty("total").GetInt32())
            {
                return all;
            }
        }
    }

    public void Dispose()
    {
        secretariat.Dispose();
        foreach (var (_, portal) in units)
        {
            portal.Dispose();
        }
    }

    public void Log(string message) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"[{fault} {clock.Elapsed.TotalSeconds,6:0.0} s] {message}");
}
