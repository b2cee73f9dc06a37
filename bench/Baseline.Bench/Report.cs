using HoanKiem.Load.Bench;
using Spectre.Console;

namespace HoanKiem.Baseline.Bench;

/// <summary>A phase and what it cost: the consumers' catch-up, each consumer's count, when each event was stored, CPU by process.</summary>
public sealed record Measurement(Phase Phase, TimeSpan? CatchUp, IReadOnlyList<long> StoredByConsumer, Latencies AcceptToStored,
    IReadOnlyList<(string Name, TimeSpan Cpu)> Cpu, TimeSpan LoadGeneratorCpu);

/// <summary>The figures of a measured phase, as one table.</summary>
public static class Report
{
    public static void Print(string label, Measurement measured)
    {
        var timed = measured.Phase;
        var accepted = Math.Max(1, timed.Accepted);
        string PerSubmission(TimeSpan time) => $"{time.TotalMilliseconds / accepted:F2} ms";
        var total = measured.Cpu.Aggregate(TimeSpan.Zero, (sum, process) => sum + process.Cpu);

        var table = new Table().AddColumns($"submissions {label}", "value");
        table.AddRow("sent / accepted", $"{timed.Sent:N0} / {timed.Accepted:N0} ({string.Join(", ", timed.Statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value:N0}"))})");
        table.AddRow("accepted per second", $"{timed.Accepted / timed.Elapsed.TotalSeconds:N0}/s over {timed.Elapsed.TotalSeconds:F1} s");
        table.AddRow("accept latency p50 / p95 / p99", $"{timed.AcceptLatency.P(0.50):F1} / {timed.AcceptLatency.P(0.95):F1} / {timed.AcceptLatency.P(0.99):F1} ms");
        table.AddRow("accept → stored by every consumer p50 / p99", $"{measured.AcceptToStored.P(0.50):F1} / {measured.AcceptToStored.P(0.99):F1} ms");
        table.AddRow("consumers caught up", measured.CatchUp is { } after ? $"{after.TotalSeconds:F2} s after the last accept" : "not within 60 s");
        table.AddRow("stored by each consumer", string.Join(" / ", measured.StoredByConsumer.Select(count => count.ToString("N0"))));
        foreach (var (name, time) in measured.Cpu)
        {
            table.AddRow($"CPU per submission, {name}", PerSubmission(time));
        }
        table.AddRow("CPU per submission, total", $"[bold]{PerSubmission(total)}[/]");
        table.AddRow($"CPU-bound rate on {Environment.ProcessorCount} cores", $"{Environment.ProcessorCount * accepted / total.TotalSeconds:N0}/s");
        table.AddRow("CPU per submission, load generator", PerSubmission(measured.LoadGeneratorCpu));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("CPU: from the first submission of the phase until every consumer had stored every accepted one, ÷ accepted; " +
            "the load generator (this process) is not in the total. CPU-bound rate: cores ÷ total. Stored: the phase's events. " +
            "Accept → stored: from the 201 until the consumers' reports after their commit said every one had it.");
    }
}
