using System.Diagnostics;
using HoanKiem.Baseline.Bench.Roles;

namespace HoanKiem.Baseline.Bench;

/// <summary>The bench's side of a role running as a process of its own (see <see cref="ChildProcess"/>).</summary>
public sealed class RoleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(long Stored, long At)> reports = [];
    private long stored;

    private RoleProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public Task Ready => ready.Task;

    /// <summary>Events the role has stored and committed, as it last reported.</summary>
    public long Stored => Interlocked.Read(ref stored);

    public TimeSpan Cpu => process.TotalProcessorTime;

    /// <summary>When the role first reported at least <paramref name="count"/> events stored (a <see cref="Stopwatch"/> timestamp), or null.</summary>
    public long? FirstStored(long count)
    {
        lock (reports)
        {
            var first = reports.FindIndex(report => report.Stored >= count);
            return first < 0 ? null : reports[first].At;
        }
    }

    /// <summary>Starts this bench's own program again in <paramref name="role"/>.</summary>
    public static RoleProcess Start(string name, string role, params string[] options)
    {
        // Under `dotnet run` this program is its apphost; started as `dotnet HoanKiem.Baseline.Bench.dll`, it is dotnet.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // Every role is a web service or works like one: the runtime settings of the real services, not the generator's.
        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RoleProcess).Assembly.Location);
        }
        start.ArgumentList.Add(role);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        var child = new RoleProcess(name, new Process { StartInfo = start, EnableRaisingEvents = true });
        child.process.OutputDataReceived += (_, line) => child.Read(line.Data);
        child.process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"{name}: {line.Data}");
            }
        };
        child.process.Exited += (_, _) => child.ready.TrySetException(new InvalidOperationException($"{name} exited with code {child.process.ExitCode} while starting."));
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Closes the role's standard input, which stops it; kills it if it has not stopped within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }

    private void Read(string? line)
    {
        if (line == ChildProcess.Ready)
        {
            ready.TrySetResult();
        }
        else if (line?.StartsWith(ChildProcess.StoredPrefix, StringComparison.Ordinal) == true)
        {
            var count = long.Parse(line[ChildProcess.StoredPrefix.Length..]);
            lock (reports)
            {
                reports.Add((count, Stopwatch.GetTimestamp()));
            }
            Interlocked.Exchange(ref stored, count);
        }
        else if (line is not null)
        {
            Console.WriteLine($"{Name}: {line}");
        }
    }
}
