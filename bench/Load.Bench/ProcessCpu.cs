using System.Diagnostics;

namespace HoanKiem.Load.Bench;

/// <summary>
/// CPU time of the system's processes on this machine (services, gateway, broker, dashboard), so a phase can say where
/// each accepted submission's CPU went. Processes are named from their command line; the bench itself is left out.
/// </summary>
public sealed class ProcessCpu
{
    private readonly Dictionary<string, TimeSpan> byName;

    private ProcessCpu(Dictionary<string, TimeSpan> byName) => this.byName = byName;

    public static ProcessCpu Snapshot()
    {
        var byName = new Dictionary<string, TimeSpan>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                if (process.Id != Environment.ProcessId && NameOf(process.Id) is { } name)
                {
                    try
                    {
                        byName[name] = byName.GetValueOrDefault(name) + process.TotalProcessorTime;
                    }
                    catch (InvalidOperationException)
                    {
                        // Exited between the listing and the read.
                    }
                }
            }
        }
        return new ProcessCpu(byName);
    }

    /// <summary>All the system's processes together.</summary>
    public TimeSpan Total => byName.Values.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    /// <summary>Milliseconds of CPU per <paramref name="count"/> since <paramref name="before"/>, by process name, largest first.</summary>
    public IReadOnlyList<(string Name, double Milliseconds)> PerItemSince(ProcessCpu before, int count) =>
        [.. byName.Select(pair => (pair.Key, (pair.Value - before.byName.GetValueOrDefault(pair.Key)).TotalMilliseconds / Math.Max(1, count)))
            .Where(row => row.Item2 > 0).OrderByDescending(row => row.Item2)];

    private static string? NameOf(int pid)
    {
        string commandLine;
        try
        {
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        var executable = Path.GetFileName(commandLine.Split(' ', 2)[0]);
        return executable switch
        {
            _ when executable.StartsWith("HoanKiem.", StringComparison.Ordinal) && !executable.Contains("Bench") => executable["HoanKiem.".Length..],
            "beam.smp" when commandLine.Contains("rabbit", StringComparison.Ordinal) => "RabbitMQ",
            "Aspire.Dashboard" => "Aspire dashboard",
            "dcp" => "DCP",
            _ => null
        };
    }
}
