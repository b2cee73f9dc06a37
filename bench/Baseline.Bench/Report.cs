using Spectre.Console;

namespace HoanKiem.Baseline.Bench;

/// <summary>The figures of the timed phase, as one table.</summary>
public static class Report
{
    public static void Print(Phase timed, int concurrency, TimeSpan? catchUp, IReadOnlyList<long> storedByConsumer,
        IReadOnlyList<(string Name, TimeSpan Cpu)> cpu, TimeSpan loadGeneratorCpu)
    {
        var accepted = Math.Max(1, timed.Accepted);
        string PerSubmission(TimeSpan time) => $"{time.TotalMilliseconds / accepted:F2} ms";
        var total = cpu.Aggregate(TimeSpan.Zero, (sum, process) => sum + process.Cpu);

        var table = new Table().AddColumns("figure", "value");
        table.AddRow("sent / accepted", $"{timed.Sent:N0} / {timed.Accepted:N0} ({string.Join(", ", timed.Statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value:N0}"))})");
        table.AddRow("accepted per second", $"{timed.Accepted / timed.Elapsed.TotalSeconds:N0}/s over {timed.Elapsed.TotalSeconds:F1} s, {concurrency} concurrent");
        table.AddRow("accept latency p50 / p99", $"{timed.AcceptLatency.P(0.50):F1} / {timed.AcceptLatency.P(0.99):F1} ms");
        table.AddRow("consumers caught up", catchUp is { } after ? $"{after.TotalSeconds:F2} s after the last accept" : "not within 60 s");
        table.AddRow("stored by each consumer", string.Join(" / ", storedByConsumer.Select(count => count.ToString("N0"))));
        foreach (var (name, time) in cpu)
        {
            table.AddRow($"CPU per submission, {name}", PerSubmission(time));
        }
        table.AddRow("CPU per submission, total", $"[bold]{PerSubmission(total)}[/]");
        table.AddRow($"CPU-bound rate on {Environment.ProcessorCount} cores", $"{Environment.ProcessorCount * accepted / total.TotalSeconds:N0}/s");
        table.AddRow("CPU per submission, load generator", PerSubmission(loadGeneratorCpu));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("CPU: from the first timed submission until every consumer had stored every accepted one, ÷ accepted; " +
            "the load generator (this process) is not in the total. CPU-bound rate: cores ÷ total. Stored: the timed phase's events, warm-up left out.");
    }
}
