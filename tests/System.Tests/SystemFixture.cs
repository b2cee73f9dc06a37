using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.Extensions.Hosting;
using Xunit;

[assembly: AssemblyFixture(typeof(HoanKiem.SystemTests.SystemFixture))]

namespace HoanKiem.SystemTests;

/// <summary>
/// The whole app host in local mode (real RabbitMQ, SQLite files, every service and the gateway), started once for the
/// test assembly because stopping one costs ~13 s. Each test makes its own units and contest year.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string SecretariatSecret = "system-tests-secretariat-secret";
    /// <summary>Every service that may run replicated runs as two, so every system test also meets competing consumers.</summary>
    public const int Replicas = 2;
    /// <summary>The one address the gateway believes <c>X-Forwarded-For</c> and trace context from (a loopback address of its own).</summary>
    public static readonly IPAddress TrustedProxy = IPAddress.Parse("127.0.0.2");
    /// <summary>
    /// The anonymous limit the tests run with: above the production default, so the tests' own polling of the public
    /// tallies from one address never meets it, yet one flood of a hundred requests does.
    /// </summary>
    public const int AnonymousPermitsPerSecond = 50;
    public const int AnonymousBurst = 100;
    private int nextYear = 2030;
    private int nextAddress = 10;
    private bool keepDataDirectory;

    /// <summary>Replicas of each service (the suite's app host runs <see cref="Replicas"/>).</summary>
    public int ServiceReplicas { get; init; } = Replicas;
    /// <summary>
    /// Replicas of the gateway: one in the suite's app host, since its rate limits and sign-in throttle count per
    /// replica, and the tests that meet them count on one replica seeing every request.
    /// </summary>
    public int GatewayReplicas { get; init; } = 1;
    /// <summary>Replicas of the web app.</summary>
    public int WebReplicas { get; init; } = 1;
    /// <summary>How often the gateway reads its keys' folder again (its default, an hour, unless set).</summary>
    public TimeSpan? GatewayKeyRefresh { get; init; }

    public DistributedApplication App { get; private set; } = null!;
    /// <summary>Receives every service's telemetry in the dashboard's place (which the tests do not start).</summary>
    public TelemetrySink Telemetry { get; private set; } = null!;
    public Uri GatewayAddress { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hoankiem-system-tests", Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        var gatewayPort = LocalRabbitMq.FreePort();
        Telemetry = await TelemetrySink.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HoanKiem_AppHost>(
        [
            "Mode=local",
            $"Local:DataDirectory={DataDirectory}",
            $"Replicas={ServiceReplicas}",
            $"GatewayReplicas={GatewayReplicas}",
            $"WebReplicas={WebReplicas}",
            // Replicas sit behind the orchestrator's proxy, which the testing builder would move to a random port: the
            // gateway's port is the issuer's address the services fetch its keys from.
            $"DcpPublisher:RandomizePorts={(GatewayReplicas == 1).ToString().ToLowerInvariant()}",
            $"Local:BrokerNode=system{Guid.NewGuid():N}",
            $"GatewayPort={gatewayPort}",
            $"Parameters:{ResourceNames.SecretariatSecret}={SecretariatSecret}"
        ]);
        // Instead of the launch profile's dashboard address, where a ./run.sh beside the tests would be listening; added
        // after Aspire's own OTLP settings, so it has the last word.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Address.ToString();
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                // Every trace, not the few a second an operator's dashboard gets: the personal-data check searches them all.
                context.EnvironmentVariables[ServiceDefaultsExtensions.TracesPerSecondKey.Replace(":", "__")] = "100000";
            }));
        }
        var gateway = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Gateway))
            .WithEnvironment("Gateway__TrustedProxies__0", TrustedProxy.ToString())
            .WithEnvironment("RateLimits__Anonymous__PermitsPerSecond", AnonymousPermitsPerSecond.ToString())
            .WithEnvironment("RateLimits__Anonymous__Burst", AnonymousBurst.ToString())
            // Short, so tests waiting for a count to change through the public tallies see it within seconds.
            .WithEnvironment("Gateway__PublicTalliesCacheSeconds", "3");
        if (GatewayKeyRefresh is { } refresh)
        {
            gateway.WithEnvironment("Auth__KeyRefresh", refresh.ToString("c"));
        }
        App = await builder.BuildAsync();
        // Generous: on a shared two-core machine under other builds the dozen processes took over four minutes to come up.
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await App.StartAsync(startup.Token);
            await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, startup.Token);
        }
        catch (Exception exception)
        {
            // Every system test fails with this, so it says why, and keeps the files (the broker's among them) to read.
            keepDataDirectory = true;
            throw new InvalidOperationException(
                $"The system did not come up ({exception.Message}); its files stay in {DataDirectory}.{await new ResourceControl(App).DescribeUnhealthyAsync()}",
                exception);
        }
        GatewayAddress = new Uri($"http://localhost:{gatewayPort}");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Telemetry.DisposeAsync();
        if (!keepDataDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A contest year no other test uses.</summary>
    public int NewYear() => SharesYearsWith?.NewYear() ?? Interlocked.Increment(ref nextYear);

    /// <summary>The system whose years this one takes from (one restored from its backup already holds them).</summary>
    public SystemFixture? SharesYearsWith { get; init; }

    /// <summary>A loopback address no other test connects from: a caller with a rate-limit partition of its own.</summary>
    public IPAddress NewAddress() => IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref nextAddress)}");

    public HttpClient Client(string? token = null) => Client(new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) }, token);

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address reaches the gateway).</summary>
    public HttpClient ClientFrom(IPAddress source, string? token = null) => Client(new HttpClient(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }) { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) }, token);

    private static HttpClient Client(HttpClient client, string? token)
    {
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task<string> TokenAsync(string clientId, string clientSecret)
    {
        using var client = Client();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret
        }));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        return token!.AccessToken;
    }

    public Task<string> SecretariatTokenAsync() => TokenAsync("secretariat", SecretariatSecret);

    /// <summary>Opens <paramref name="year"/>'s contest as the secretariat: open since yesterday, for 30 days unless told.</summary>
    public async Task OpenContestAsync(HttpClient secretariat, int year, string? title = null, int? minWords = null, int? maxWords = null, TimeSpan? closesIn = null)
    {
        using var response = await secretariat.PutAsJsonAsync($"/api/contests/{year}", new
        {
            title = title ?? $"Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt năm {year}",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow + (closesIn ?? TimeSpan.FromDays(30)),
            minWords,
            maxWords
        }, OmitNulls);
        await ThinSliceTests.ReadJson(response, HttpStatusCode.Created);
    }

    private static readonly JsonSerializerOptions OmitNulls = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>What the gateway's tokens name as their issuer (the app host's <c>Auth__Issuer</c>).</summary>
    public string Issuer => new Uri(GatewayAddress, "/").AbsoluteUri;

    /// <summary>The folder where the gateway keeps its keys under this run's data directory.</summary>
    public string GatewayKeysDirectory => Path.Combine(DataDirectory, "gateway", "keys");

    /// <summary>The gateway's current signing key, read from its folder as an operator could: for minting flawed tokens.</summary>
    public X509SecurityKey GatewaySigningKey() => new(Directory.EnumerateFiles(GatewayKeysDirectory, "signing-*.pfx")
        .Select(path => X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet))
        .Where(certificate => certificate.NotBefore <= DateTime.Now)
        .MaxBy(certificate => certificate.NotBefore)!);

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string AccessToken);
}
