using System.Net;
using System.Net.Sockets;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using RabbitMQ.Client;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class LocalRabbitMqTests
{
    [Fact]
    public void A_free_port_lies_below_the_kernels_ephemeral_range_and_takes_a_listener()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t')[0]);

        var ports = Enumerable.Range(0, 20).Select(_ => LocalRabbitMq.FreePort()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 10_000, ephemeralStart - 1));
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
    }

    [Fact]
    public async Task The_local_broker_lets_its_own_user_in_and_refuses_guest()
    {
        await using var broker = await RabbitMqBroker.StartAsync();

        await using (await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync())
        {
        }
        var guest = await Record.ExceptionAsync(async () =>
            await new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{broker.Port}/") }.CreateConnectionAsync());

        Assert.DoesNotContain("guest", broker.ConnectionString);
        Assert.NotNull(guest);
        Assert.Contains("ACCESS_REFUSED", guest.ToString());
    }
}
