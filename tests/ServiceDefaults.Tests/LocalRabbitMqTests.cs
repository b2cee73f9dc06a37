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

    [Fact]
    public async Task The_management_api_takes_the_brokers_own_user_on_loopback_and_prometheus_serves_its_metrics()
    {
        await using var broker = await RabbitMqBroker.StartAsync(withPlugins: true);
        var plugins = broker.Plugins!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // The plugins start a moment after AMQP answers.
        var overview = await Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{plugins.Management}/api/overview");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{LocalRabbitMq.User}:{broker.Password}")));
            try
            {
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return (HttpStatusCode?)null;
            }
        }, status => status is not null, TimeSpan.FromSeconds(30));
        using var anonymous = await http.GetAsync($"http://127.0.0.1:{plugins.Management}/api/overview");
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{plugins.Prometheus}/metrics");

        Assert.Equal(HttpStatusCode.OK, overview);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("rabbitmq_", metrics);
        Assert.Throws<SocketException>(() => new TcpClient().Connect(OtherAddress(), plugins.Management));
    }

    /// <summary>This machine's first address that is not loopback, where a listener on 0.0.0.0 would also answer.</summary>
    private static IPAddress OtherAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("No address but loopback to check the listener against.");
}
