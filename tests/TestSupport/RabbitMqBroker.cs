using System.Collections.Concurrent;
using System.Diagnostics;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Xunit;

namespace HoanKiem.TestSupport;

/// <summary>A real, private RabbitMQ broker for one test assembly, on free loopback ports, stopped with the fixture.</summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly string password = LocalRabbitMq.NewPassword();
    private readonly IReadOnlyDictionary<string, string> environment;
    /// <summary>The broker's last lines of output (its log goes to standard output), to say why it did not start.</summary>
    private readonly ConcurrentQueue<string> lastLines = new();
    private Process? process;

    private RabbitMqBroker(string dataDirectory, int port, LocalRabbitMq.PluginPorts? plugins)
    {
        this.dataDirectory = dataDirectory;
        Port = port;
        Plugins = plugins;
        environment = LocalRabbitMq.Environment($"test-{Guid.NewGuid():N}", dataDirectory, port, LocalRabbitMq.FreePort(), password, plugins);
    }

    public int Port { get; }
    /// <summary>Where the management and Prometheus plugins listen, if the broker runs them.</summary>
    public LocalRabbitMq.PluginPorts? Plugins { get; }
    public string Password => password;
    public string ConnectionString => LocalRabbitMq.ConnectionString(Port, password);

    /// <summary>Points a bus of the test's own at this broker, as its one user.</summary>
    public void ConnectAs(IRabbitMqBusFactoryConfigurator rabbit) =>
        rabbit.Host(new Uri($"rabbitmq://127.0.0.1:{Port}/"), host =>
        {
            host.Username(LocalRabbitMq.User);
            host.Password(password);
        });

    /// <summary>The broker's Erlang VM, where its CPU goes: a child of the start script, found once it answers.</summary>
    public Process? VirtualMachine { get; private set; }

    /// <summary>A broker as the tests use it; <paramref name="withPlugins"/> as the app host runs it, with its management and Prometheus plugins.</summary>
    public static async Task<RabbitMqBroker> StartAsync(bool withPlugins = false)
    {
        if (!LocalRabbitMq.IsInstalled)
        {
            throw new InvalidOperationException($"{LocalRabbitMq.ServerPath} is missing: ./test.sh installs Debian's rabbitmq-server.");
        }
        var broker = new RabbitMqBroker(Path.Combine(Path.GetTempPath(), "hoankiem-tests", Guid.NewGuid().ToString("N")), LocalRabbitMq.FreePort(),
            withPlugins ? new LocalRabbitMq.PluginPorts(LocalRabbitMq.FreePort(), LocalRabbitMq.FreePort()) : null);
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
        lastLines.Clear();
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {process.ExitCode} while starting:{LastLines}");
            }
            if (await LocalRabbitMq.AnswersAmqpAsync("127.0.0.1", Port, CancellationToken.None))
            {
                VirtualMachine?.Dispose();
                VirtualMachine = FindDescendant(process.Id, "beam.smp");
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"rabbitmq-server did not answer AMQP within 60 s:{LastLines}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lastLines.Enqueue(line);
        while (lastLines.Count > 20 && lastLines.TryDequeue(out _))
        {
        }
    }

    private string LastLines => string.Concat(lastLines.Select(line => "\n  " + line));

    /// <summary>The first process of the tree with that name; processes that end meanwhile are skipped.</summary>
    private static Process? FindDescendant(int root, string name)
    {
        foreach (var pid in ProcessTree.Of(root))
        {
            try
            {
                var candidate = Process.GetProcessById(pid);
                if (candidate.ProcessName == name)
                {
                    return candidate;
                }
                candidate.Dispose();
            }
            catch (ArgumentException)
            {
                // Ended between the listing and the lookup.
            }
        }
        return null;
    }
}

/// <summary>One broker shared by every test of an assembly: <c>[assembly: AssemblyFixture(typeof(BrokerFixture))]</c>.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Broker = await RabbitMqBroker.StartAsync();

    public ValueTask DisposeAsync() => Broker.DisposeAsync();
}
