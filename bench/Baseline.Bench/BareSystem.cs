using System.Diagnostics;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;

namespace HoanKiem.Baseline.Bench;

/// <summary>The bare-bones system, each part its own process as in the real one: broker, service, proxy, consumers.</summary>
public sealed class BareSystem : IAsyncDisposable
{
    private readonly RabbitMqBroker broker;
    private readonly List<RoleProcess> roles = [];
    private readonly List<RoleProcess> consumers = [];

    private BareSystem(RabbitMqBroker broker) => this.broker = broker;

    /// <summary>Where the load goes: through the proxy.</summary>
    public Uri Entries { get; private set; } = null!;

    public IReadOnlyList<RoleProcess> Consumers => consumers;

    public static async Task<BareSystem> StartAsync(string folder, int consumers, CancellationToken cancellationToken)
    {
        var system = new BareSystem(await RabbitMqBroker.StartAsync());
        try
        {
            await system.StartRolesAsync(folder, consumers, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU time so far by process, the broker's Erlang VM last.</summary>
    public IReadOnlyList<(string Name, TimeSpan Cpu)> CpuTimes() =>
        [.. roles.Select(role => (role.Name, role.Cpu)), ("RabbitMQ (beam.smp)", broker.VirtualMachine?.TotalProcessorTime ?? TimeSpan.Zero)];

    /// <summary>CPU time so far of every process together.</summary>
    public TimeSpan TotalCpu() => CpuTimes().Aggregate(TimeSpan.Zero, (sum, process) => sum + process.Cpu);

    /// <summary>Waits until every consumer has stored <paramref name="count"/> events; false if that took longer than <paramref name="timeout"/>.</summary>
    public async Task<bool> ConsumersCaughtUpAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (consumers.Any(consumer => consumer.Stored < count))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(10, cancellationToken);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var role in roles)
        {
            await role.DisposeAsync();
        }
        await broker.DisposeAsync();
    }

    private async Task StartRolesAsync(string folder, int consumerCount, CancellationToken cancellationToken)
    {
        var amqp = broker.ConnectionString;
        var servicePort = LocalRabbitMq.FreePort();
        var proxyPort = LocalRabbitMq.FreePort();
        roles.Add(RoleProcess.Start("service", "service", "--port", servicePort.ToString(), "--amqp", amqp,
            "--database", Path.Combine(folder, "service.db")));
        roles.Add(RoleProcess.Start("proxy", "proxy", "--port", proxyPort.ToString(), "--service", $"http://127.0.0.1:{servicePort}/"));
        for (var i = 1; i <= consumerCount; i++)
        {
            consumers.Add(RoleProcess.Start($"consumer {i}", "consumer", "--index", i.ToString(), "--amqp", amqp,
                "--database", Path.Combine(folder, $"consumer-{i}.db")));
        }
        roles.AddRange(consumers);
        await Task.WhenAll(roles.Select(role => role.Ready)).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        Entries = new Uri($"http://127.0.0.1:{proxyPort}/entries");
    }
}
