using System.Net;
using System.Net.Sockets;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>
/// How to run Debian's rabbitmq-server as a private, loopback-only broker with its own node name and data folder:
/// used by the app host's local mode and by the tests, so both start it the same way.
/// </summary>
// The app host compiles this file in rather than referencing ServiceDefaults: internal there, so the tests, which
// reference both, see one type.
#if APP_HOST
internal static class LocalRabbitMq
#else
public static class LocalRabbitMq
#endif
{
    public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static bool IsInstalled => File.Exists(ServerPath);

    /// <summary>Writes the broker's config files under <paramref name="dataDirectory"/> and returns its environment.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string nodeName, string dataDirectory, int amqpPort, int distributionPort)
    {
        var root = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(Path.Combine(root, "log"));
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        var plugins = Path.Combine(root, "enabled_plugins");
        var config = Path.Combine(root, "rabbitmq.conf");
        File.WriteAllText(plugins, "[].");
        // Classic queues v2 (opt-in on 3.10, the default from 4.0, as the container mode's image runs) index and store
        // persistent messages with less work per message than v1.
        File.WriteAllText(config, "loopback_users = none\nclassic_queue.default_version = 2\n");
        return new Dictionary<string, string>
        {
            ["HOME"] = root,
            ["RABBITMQ_NODENAME"] = $"{nodeName}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1"
        };
    }

    public static string ConnectionString(int amqpPort) => $"amqp://guest:guest@127.0.0.1:{amqpPort}/";

    /// <summary>
    /// A loopback port that is free now, for a listener that binds it seconds later (a broker while it boots, a gateway
    /// the tests address by port) and again after a restart. Taken below the kernel's ephemeral range: the kernel hands
    /// out ports from that range to every bind to port 0 and every outgoing connection, which is how the orchestrator,
    /// Kestrel and all clients here take theirs, so a port from it could be taken before the listener binds it (the
    /// broker then fails to boot with <c>eaddrinuse</c>); and a client reconnecting to a stopped broker's port there can
    /// be given that very port as its own, connect to itself, and hold it. Below the range only another caller of this
    /// method competes.
    /// </summary>
    public static int FreePort()
    {
        var ephemeralStart = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(LowestChosenPort, ephemeralStart);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {LowestChosenPort} and {ephemeralStart} in 200 tries.");
    }

    /// <summary>Above the ports well-known services are usually configured on.</summary>
    private const int LowestChosenPort = 10_000;

    private static int EphemeralRangeStart()
    {
        // Linux's reads "32768\t60999"; elsewhere, or if it starts too low to leave room below it, the IANA range's start.
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        return int.TryParse(first, out var start) && start > LowestChosenPort + 1_000 ? start : 49_152;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>True once the broker answers the AMQP 0-9-1 protocol header with a Connection.Start frame.</summary>
    public static async Task<bool> AnswersAmqpAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frameType = new byte[1];
            return await stream.ReadAsync(frameType, timeout.Token) == 1 && frameType[0] == 1;
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
