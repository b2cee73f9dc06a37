using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;

namespace HoanKiem.Gateway.Identity;

/// <summary>
/// Limits guessing: failed sign-ins are counted per client id and per remote address in fixed windows, and once either
/// count is spent every attempt for it is refused, the right secret included, until its window ends.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;
    private readonly Counter<long> failureCount;
    private readonly ILogger<SignInThrottle> logger;

    public SignInThrottle(IConfiguration configuration, IMeterFactory meters, ILogger<SignInThrottle> logger)
    {
        var section = configuration.GetSection("Auth:Throttle");
        var window = section.GetValue("Window", TimeSpan.FromMinutes(5));
        var perClient = section.GetValue("FailuresPerClient", 10);
        var perAddress = section.GetValue("FailuresPerAddress", 30);
        failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.StartsWith("client:", StringComparison.Ordinal) ? perClient : perAddress,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true
            }));
        failureCount = meters.Create("HoanKiem.Gateway").CreateCounter<long>("hoankiem.auth.failures", "{attempt}",
            "Sign-ins refused: a wrong client id or secret, or an attempt while throttled");
        this.logger = logger;
    }

    /// <summary>How long to wait when this client or address has spent its failures; null when it may try.</summary>
    public TimeSpan? RetryAfter(string clientId, IPAddress? address)
    {
        foreach (var key in Keys(clientId, address))
        {
            using var lease = failures.AttemptAcquire(key, 0);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            }
        }
        return null;
    }

    /// <summary>Counts a refused attempt; the secret tried is never logged.</summary>
    public void Failed(string endpoint, string reason, string clientId, IPAddress? address)
    {
        if (reason != Throttled)
        {
            foreach (var key in Keys(clientId, address))
            {
                failures.AttemptAcquire(key).Dispose();
            }
        }
        failureCount.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("reason", reason));
        logger.LogWarning("Sign-in at {Endpoint} refused ({Reason}) for client {ClientId} from {Address}", endpoint, reason, clientId, address);
    }

    public const string WrongCredentials = "wrong_credentials";
    public const string Throttled = "throttled";

    private static string[] Keys(string clientId, IPAddress? address) => [$"client:{clientId}", $"address:{address}"];

    public void Dispose() => failures.Dispose();
}
