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
            var bodies = LoadGenerator.ArticleBodies(WarmUp + submissions);

            AnsiConsole.MarkupLine($"Warm-up: {WarmUp:N0} submissions");
            var warmUp = await load.SendAsync(bodies[..WarmUp], cancel.Token);
            await system.ConsumersCaughtUpAsync(warmUp.Accepted, CatchUpLimit, cancel.Token);
            var settled = await Settling.UntilIdleAsync(system.TotalCpu, TimeSpan.FromSeconds(15), cancel.Token);
            AnsiConsole.MarkupLine($"Consumers caught up, processes idle {settled.TotalSeconds:F1} s later");

            AnsiConsole.MarkupLine($"Timed: {submissions:N0} submissions, {concurrency} at a time");
            using var self = Process.GetCurrentProcess();
            var cpuBefore = system.CpuTimes();
            var ownCpuBefore = self.TotalProcessorTime;
            var timed = await load.SendAsync(bodies[WarmUp..], cancel.Token);
            var sinceLastAccept = Stopwatch.StartNew();
            var caughtUp = await system.ConsumersCaughtUpAsync(warmUp.Accepted + timed.Accepted, CatchUpLimit, cancel.Token);
            var catchUp = sinceLastAccept.Elapsed;
            var cpu = system.CpuTimes().Zip(cpuBefore, (after, before) => (after.Name, after.Cpu - before.Cpu)).ToList();
            var ownCpu = self.TotalProcessorTime - ownCpuBefore;

            Report.Print(timed, concurrency, caughtUp ? catchUp : null, system.Consumers.Select(c => c.Stored - warmUp.Accepted).ToList(), cpu, ownCpu);
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

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
