using System.Diagnostics;
using HoanKiem.ServiceDefaults.Messaging;
using Xunit;

namespace HoanKiem.TestSupport;

/// <summary>A real, private RabbitMQ broker for one test assembly, on free loopback ports, stopped with the fixture.</summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    private RabbitMqBroker(string dataDirectory, int port)
    {
        this.dataDirectory = dataDirectory;
        Port = port;
        environment = LocalRabbitMq.Environment($"test-{Guid.NewGuid():N}", dataDirectory, port, LocalRabbitMq.FreePort());
    }

    public int Port { get; }
    public string ConnectionString => LocalRabbitMq.ConnectionString(Port);

    /// <summary>The broker's Erlang VM, where its CPU goes: a child of the start script, found once it answers.</summary>
    public Process? VirtualMachine { get; private set; }

    public static async Task<RabbitMqBroker> StartAsync()
    {
        if (!LocalRabbitMq.IsInstalled)
        {
            throw new InvalidOperationException($"{LocalRabbitMq.ServerPath} is missing: ./test.sh installs Debian's rabbitmq-server.");
        }
        var broker = new RabbitMqBroker(Path.Combine(Path.GetTempPath(), "hoankiem-tests", Guid.NewGuid().ToString("N")), LocalRabbitMq.FreePort());
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>SIGKILL, as a crash or an operator's mistake would: nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        VirtualMachine?.Dispose();
        process?.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(LocalRabbitMq.ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {process.ExitCode} while starting.");
            }
            if (await LocalRabbitMq.AnswersAmqpAsync("127.0.0.1", Port, CancellationToken.None))
            {
                VirtualMachine?.Dispose();
                VirtualMachine = FindDescendant(process.Id, "beam.smp");
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("rabbitmq-server did not answer AMQP within 60 s.");
    }

    private static Process? FindDescendant(int ancestor, string command)
    {
        var parents = new Dictionary<int, (int Parent, string Command)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid))
                {
                    // "pid (command) state ppid ...": the command may hold spaces and parentheses, so split at the last ')'.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var open = stat.IndexOf('(');
                    var close = stat.LastIndexOf(')');
                    parents[pid] = (int.Parse(stat[(close + 2)..].Split(' ')[1]), stat[(open + 1)..close]);
                }
            }
            catch (IOException)
            {
                // Exited between the listing and the read.
            }
        }
        bool Descends(int pid)
        {
            for (var parent = parents[pid].Parent; parents.ContainsKey(parent); parent = parents[parent].Parent)
            {
                if (parent == ancestor)
                {
                    return true;
                }
            }
            return false;
        }
        var found = parents.Where(pair => pair.Value.Command == command && Descends(pair.Key)).Select(pair => pair.Key).FirstOrDefault();
        return found == 0 ? null : Process.GetProcessById(found);
    }
}

/// <summary>One broker shared by every test of an assembly: <c>[assembly: AssemblyFixture(typeof(BrokerFixture))]</c>.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Broker = await RabbitMqBroker.StartAsync();

    public ValueTask DisposeAsync() => Broker.DisposeAsync();
}
