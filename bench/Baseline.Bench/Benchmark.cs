using System.Diagnostics;
using HoanKiem.Load.Bench;
using Spectre.Console;

namespace HoanKiem.Baseline.Bench;

/// <summary>The bench itself: starts the bare system, loads it through the proxy, waits for the consumers, prints.</summary>
public static class Benchmark
{
    private const int WarmUp = 1_000;
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var submissions = arguments.Number("submissions", 6_000);
        var concurrency = arguments.Number("concurrency", 32);
        var consumerCount = arguments.Number("consumers", 3);
        AnsiConsole.MarkupLine($"[bold]Bare-bones baseline[/], {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, load average {LoadAverage()}");

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            cancel.Cancel();
        };
        var folder = Directory.CreateTempSubdirectory("hoankiem-baseline-");
        try
        {
            AnsiConsole.MarkupLine($"Starting a private RabbitMQ, the service, the proxy and {consumerCount} consumers in {folder.FullName}");
            await using var system = await BareSystem.StartAsync(folder.FullName, consumerCount, cancel.Token);
            using var load = new LoadGenerator(system.Entries, concurrency);
            var paced = submissions / 2;
            var bodies = LoadGenerator.ArticleBodies(WarmUp + submissions + paced);

            AnsiConsole.MarkupLine($"Warm-up: {WarmUp:N0} submissions");
            var warmUp = await load.SendAsync(bodies[..WarmUp], ratePerSecond: null, cancel.Token);
            await system.ConsumersCaughtUpAsync(warmUp.Accepted, CatchUpLimit, cancel.Token);
            await SettleAsync(system, cancel.Token);

            AnsiConsole.MarkupLine($"Timed: {submissions:N0} submissions, {concurrency} at a time");
            var full = await MeasureAsync(system, load, bodies[WarmUp..(WarmUp + submissions)], ratePerSecond: null, warmUp.Accepted, cancel.Token);
            Report.Print($"{concurrency} at a time", full);

            // As Load.Bench does: 70 % of the maximum, the load at which the system's latency goals are set.
            var maximum = full.Phase.Accepted / full.Phase.Elapsed.TotalSeconds;
            var rate = arguments.Number("rate", 0) is var given and > 0 ? given : 0.7 * maximum;
            await SettleAsync(system, cancel.Token);
            AnsiConsole.MarkupLine($"Paced: {paced:N0} submissions at {rate:N0}/s");
            var steady = await MeasureAsync(system, load, bodies[(WarmUp + submissions)..], rate, warmUp.Accepted + full.Phase.Accepted, cancel.Token);
            Report.Print($"paced at {rate:N0}/s", steady);
            AnsiConsole.MarkupLine($"Load average at the end {LoadAverage()}. Stopping.");
            return 0;
        }
        // Ctrl+C reaches the roles and the broker too, so whatever failed after it was stopping anyway.
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("Cancelled.");
            return 130;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Sends <paramref name="bodies"/> and waits until every consumer has stored them (<paramref name="storedBefore"/>
    /// were stored before), counting the CPU every process spent meanwhile.
    /// </summary>
    private static async Task<Measurement> MeasureAsync(BareSystem system, LoadGenerator load, IReadOnlyList<byte[]> bodies,
        double? ratePerSecond, long storedBefore, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = system.CpuTimes();
        var ownCpuBefore = self.TotalProcessorTime;
        var phase = await load.SendAsync(bodies, ratePerSecond, cancellationToken);
        var sinceLastAccept = Stopwatch.StartNew();
        var caughtUp = await system.ConsumersCaughtUpAsync(storedBefore + phase.Accepted, CatchUpLimit, cancellationToken);
        var catchUp = sinceLastAccept.Elapsed;
        var cpu = system.CpuTimes().Zip(cpuBefore, (after, before) => (after.Name, after.Cpu - before.Cpu)).ToList();
        var ownCpu = self.TotalProcessorTime - ownCpuBefore;

        // The k-th accepted event counts as stored once every consumer had stored storedBefore + k: events are stored
        // about in the order they were accepted, as the tallies in Load.Bench count them.
        var stored = new Latencies();
        for (var k = 0; k < phase.AcceptedAt.Count; k++)
        {
            var reports = system.Consumers.Select(consumer => consumer.FirstStored(storedBefore + k + 1)).ToList();
            if (reports.All(at => at is not null))
            {
                stored.Add(Stopwatch.GetElapsedTime(phase.AcceptedAt[k], Math.Max(phase.AcceptedAt[k], reports.Max()!.Value)));
            }
        }
        return new Measurement(phase, caughtUp ? catchUp : null, system.Consumers.Select(c => c.Stored - storedBefore).ToList(),
            stored, cpu, ownCpu);
    }

    private static async Task SettleAsync(BareSystem system, CancellationToken cancellationToken)
    {
        var settled = await Settling.UntilIdleAsync(system.TotalCpu, TimeSpan.FromSeconds(15), cancellationToken);
        AnsiConsole.MarkupLine($"Consumers caught up, processes idle {settled.TotalSeconds:F1} s later");
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
