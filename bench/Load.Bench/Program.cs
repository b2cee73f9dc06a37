using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HoanKiem.Client;
using HoanKiem.Client.Submission;
using HoanKiem.Load.Bench;
using HoanKiem.Submission.Corpus;
using Spectre.Console;

// End-to-end figures against a running system (./run.sh): tallies through the gateway against straight at the reporting
// service, durable submissions per second through the gateway with accept latency, and accept → visible in tallies.
// Prints, asserts nothing. Usage (see bench/README.md):
//   dotnet run -c Release --project bench/Load.Bench -- [--gateway http://localhost:5080] [--reporting http://localhost:PORT]
//     [--secret SECRET (default: SECRETARIAT_SECRET, else .data/secretariat-secret)] [--units 50] [--concurrency 32] [--submissions 3000] [--seconds 10] [--warm-up 4000]
//     [--rate N]
var options = BenchOptions.Parse(args);
AnsiConsole.MarkupLine($"[bold]Load bench[/], {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, gateway {options.Gateway}");

// Every call through the typed clients generated from the gateway's OpenAPI documents, one per caller, over one pool.
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
var gatewayAddress = new Uri(options.Gateway);
var run = $"{Random.Shared.Next(0x1000, 0xFFFF):x4}";
var year = Random.Shared.Next(2040, 2100);
var secretariat = await SignInAsync("secretariat", options.Secret);

// Many unit clients, so the gateway's per-client rate limit (100/s, burst 200 by default) never binds.
var units = new List<(string Code, string Token, HoanKiemApi Api)>();
await AnsiConsole.Progress().StartAsync(async progress =>
{
    var setup = progress.AddTask($"Contest {year} and {options.Units} units", maxValue: options.Units + 1);
    await secretariat.Api.Submission.PutContestAsync(year, HoanKiemApi.NewIdempotencyKey(), new ContestRequest
    {
        Title = $"Load bench {run}",
        OpensAt = DateTimeOffset.UtcNow.AddDays(-1),
        ClosesAt = DateTimeOffset.UtcNow.AddDays(30)
    });
    setup.Increment(1);
    for (var i = 0; i < options.Units; i++)
    {
        var code = $"load-{run}-{i:D3}";
        var unit = await secretariat.Api.Submission.RegisterUnitAsync(HoanKiemApi.NewIdempotencyKey(), new RegisterUnitRequest { Code = code, Name = $"Đơn vị tải {i}", Kind = "other" });
        var portal = await SignInAsync(unit.ClientId, unit.ClientSecret);
        units.Add((code, portal.Token, portal.Api));
        setup.Increment(1);
    }
});

// A fresh process runs its hot methods instrumented (profile-guided optimisation) before it compiles them for good: on
// two cores the first few thousand entries after a start cost two to three times what later ones do (bench/RESULTS.md).
// They are measured and shown apart, as what a restart costs, so that the figures after them are the steady state.
if (options.WarmUp > 0)
{
    await Submissions("warm-up", options.WarmUp, ratePerSecond: null);
}
await CompareTallies();
// The maximum is what the system takes in and counts: an intake that outran the consumers in a burst would leave them a
// backlog that a steady load at that rate never lets them clear.
var maximum = await Submissions("at full concurrency", options.Submissions, ratePerSecond: null);
if (options.Rate is { } rate)
{
    await Submissions($"paced at {rate:N0}/s", options.Submissions / 2, rate);
}
else if (maximum > 0)
{
    await Submissions($"paced at 70 % of the maximum ({maximum * 0.7:N0}/s)", options.Submissions / 2, maximum * 0.7);
}

async Task CompareTallies()
{
    var path = $"/api/reports/{year}/tallies?pageSize=50";
    if (options.Reporting is null)
    {
        AnsiConsole.MarkupLine("[yellow]No --reporting address: gateway vs direct skipped (see bench/README.md for finding it).[/]");
        return;
    }
    await Hammer(gatewayAddress, path, TimeSpan.FromSeconds(2), "warm-up");
    var direct = await Hammer(new Uri(options.Reporting), path, TimeSpan.FromSeconds(options.Seconds), "direct");
    var gateway = await Hammer(gatewayAddress, path, TimeSpan.FromSeconds(options.Seconds), "gateway");
    var table = new Table().AddColumns("GET tallies", "requests/s", "p50 ms", "p99 ms", "not 200");
    foreach (var (label, result) in new[] { ("straight at reporting", direct), ("through the gateway", gateway) })
    {
        table.AddRow(label, $"{result.PerSecond:N0}", $"{result.Latency.P(0.50):F2}", $"{result.Latency.P(0.99):F2}", $"{result.Failures}");
    }
    AnsiConsole.Write(table);
    if (direct.Failures + gateway.Failures > 0)
    {
        // Refusals are quick: counted as reads they would make the door look faster than the service behind it.
        AnsiConsole.MarkupLine($"Gateway / direct: [yellow]not measured[/]: {direct.Failures + gateway.Failures:N0} answers were not 200. The public tallies are limited per address (429); start the system with the anonymous limit raised (bench/README.md).");
        return;
    }
    AnsiConsole.MarkupLine($"Gateway / direct: [bold]{gateway.PerSecond / direct.PerSecond:F2}×[/] (concurrency {options.Concurrency}, {options.Seconds} s each, one bearer token per worker from {units.Count} units)");
}

// <summary>
// Plain GETs whose answers are read and dropped, not parsed: the comparison is of the gateway's cost, so the bench's
// own work per request is kept to the least, and the same on both sides.
// </summary>
async Task<(double PerSecond, Latencies Latency, int Failures)> Hammer(Uri root, string path, TimeSpan duration, string label)
{
    var latency = new Latencies();
    var failures = 0;
    var done = 0;
    var clock = Stopwatch.StartNew();
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var bar = progress.AddTask($"tallies {label}", maxValue: duration.TotalSeconds);
        var ticker = Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                bar.Value = clock.Elapsed.TotalSeconds;
                await Task.Delay(200);
            }
            bar.Value = duration.TotalSeconds;
        });
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var token = units[worker % units.Count].Token;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                await response.Content.CopyToAsync(Stream.Null);
                latency.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref done);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        await ticker;
    });
    return (done / clock.Elapsed.TotalSeconds, latency, failures);
}

// Submits distinct valid entries spread over the units; returns the entries accepted and counted per second: from the
// first request until the tallies showed the last of them.
async Task<double> Submissions(string label, int count, double? ratePerSecond)
{
    var seed = Random.Shared.Next(1, int.MaxValue / 2);
    var bodies = new SubmitEntryRequest[count];
    Parallel.For(0, count, i => bodies[i] = Entry(seed + i));
    var accepted = new ConcurrentDictionary<string, ConcurrentBag<long>>();
    var accept = new Latencies();
    var statuses = new ConcurrentDictionary<int, int>();
    var next = -1;
    var polling = new CancellationTokenSource();
    var visibility = new TallyWatcher(secretariat.Api.Reporting, year, units.Select(u => u.Code).ToList());
    var baseline = await visibility.SnapshotAsync();
    var settled = await Settling.UntilIdleAsync(() => ProcessCpu.Snapshot().Total, TimeSpan.FromSeconds(20));
    AnsiConsole.MarkupLine($"System idle after {settled.TotalSeconds:F1} s; submissions {label}");
    var watcher = visibility.WatchAsync(polling.Token);

    var cpuBefore = ProcessCpu.Snapshot();
    var ownCpuBefore = Environment.CpuUsage.TotalTime;
    var start = Stopwatch.GetTimestamp();
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var bar = progress.AddTask($"submissions {label}", maxValue: count);
        var workers = Pacing.Workers(options.Concurrency, ratePerSecond);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await Pacing.UntilDueAsync(i, ratePerSecond, start);
                var unit = units[i % units.Count];
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    await unit.Api.Submission.SubmitEntryAsync(year, null, bodies[i]);
                    status = (int)HttpStatusCode.Created;
                }
                catch (ApiException e)
                {
                    status = e.StatusCode;
                }
                var finished = Stopwatch.GetTimestamp();
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == (int)HttpStatusCode.Created)
                {
                    accept.Add(Stopwatch.GetElapsedTime(started, finished));
                    accepted.GetOrAdd(unit.Code, _ => []).Add(finished);
                }
                bar.Increment(1);
            }
        })));
    });
    var elapsed = Stopwatch.GetElapsedTime(start);
    var total = accepted.Values.Sum(bag => bag.Count);
    var perSecond = total / elapsed.TotalSeconds;

    // Wait until every accepted entry shows in the tallies (or give up after a minute).
    var expected = accepted.ToDictionary(pair => pair.Key, pair => pair.Value.Count + baseline.GetValueOrDefault(pair.Key));
    await visibility.UntilAsync(expected, TimeSpan.FromSeconds(60));
    await polling.CancelAsync();
    await watcher;
    var cpu = ProcessCpu.Snapshot().PerItemSince(cpuBefore, total);
    var ownCpu = (Environment.CpuUsage.TotalTime - ownCpuBefore).TotalMilliseconds / Math.Max(1, total);
    var visible = new Latencies();
    var missing = 0;
    var lastSeen = 0L;
    foreach (var (unit, stamps) in accepted)
    {
        var times = stamps.Order().ToArray();
        for (var k = 0; k < times.Length; k++)
        {
            if (visibility.FirstSeen(unit, baseline.GetValueOrDefault(unit) + k + 1) is { } seen)
            {
                visible.Add(Stopwatch.GetElapsedTime(times[k], Math.Max(seen, times[k])));
                lastSeen = Math.Max(lastSeen, seen);
            }
            else
            {
                missing++;
            }
        }
    }

    var table = new Table().AddColumns("submissions " + label, "value");
    table.AddRow("sent / accepted", $"{count:N0} / {total:N0} ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))})");
    table.AddRow("durable accepted per second", $"{perSecond:N0}/s over {elapsed.TotalSeconds:F1} s");
    table.AddRow("accept latency p50 / p95 / p99", $"{accept.P(0.50):F1} / {accept.P(0.95):F1} / {accept.P(0.99):F1} ms");
    var counted = missing > 0 || lastSeen == 0 ? 0 : total / Stopwatch.GetElapsedTime(start, lastSeen).TotalSeconds;
    table.AddRow("accepted and counted per second", missing > 0 ? "not all counted within a minute" : $"{counted:N0}/s (until the tallies showed the last entry)");
    table.AddRow("accept → visible in tallies p50 / p99", $"{visible.P(0.50):F0} / {visible.P(0.99):F0} ms (poll every {TallyWatcher.PollInterval.TotalMilliseconds} ms; {missing} not seen)");
    // Until every entry is visible, tallies polls included: the whole cost of taking an entry in, on this machine.
    table.AddRow("CPU per accepted entry, all processes", $"{cpu.Sum(row => row.Milliseconds):F1} ms: {string.Join(", ", cpu.Select(row => $"{row.Name} {row.Milliseconds:F1}"))}");
    // The bench shares the machine's cores with the system: what it takes is not there for the system.
    table.AddRow("CPU per accepted entry, this bench", $"{ownCpu:F1} ms");
    AnsiConsole.Write(table);
    return counted;
}

async Task<(string Token, HoanKiemApi Api)> SignInAsync(string clientId, string clientSecret)
{
    var token = await HoanKiemApi.Over(handler, gatewayAddress).TokenAsync(clientId, clientSecret);
    return (token, HoanKiemApi.Over(handler, gatewayAddress, token));
}

static SubmitEntryRequest Entry(int seed) => new()
{
    Title = $"Gương người tốt việc tốt {seed}",
    Body = SyllableText.Generate(seed, 1400),
    Field = "culture-society",
    Author = new AuthorRequest { FullName = "Nguyễn Văn An", Phone = "0912345678" },
    Nominee = new NomineeRequest { FullName = $"Trần Thị Bình {seed}", BirthYear = 1960, Address = new AddressRequest { Street = "12 Hàng Gai", Ward = "Hàng Gai" } }
};
