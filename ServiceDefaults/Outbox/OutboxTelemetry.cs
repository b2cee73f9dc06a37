using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HoanKiem.ServiceDefaults.Outbox;

/// <summary>The relay's own signals, shown in the dashboard beside MassTransit's.</summary>
public sealed class OutboxTelemetry : IDisposable
{
    public const string MeterName = "HoanKiem.Outbox";
    public const string ActivitySourceName = "HoanKiem.Outbox";

    private readonly Meter meter = new(MeterName);
    private readonly TimeProvider clock;
    private long oldestUnsentCreatedAt;

    public OutboxTelemetry(TimeProvider clock)
    {
        this.clock = clock;
        Relayed = meter.CreateCounter<long>("hoankiem.outbox.relayed", "{message}", "Events the broker confirmed");
        RelayFailures = meter.CreateCounter<long>("hoankiem.outbox.relay_failures", "{message}", "Events the broker did not confirm");
        meter.CreateObservableGauge("hoankiem.outbox.oldest_unsent_age", () => OldestUnsentAgeSeconds, "s",
            "Age of the oldest event stored but not yet confirmed by the broker");
    }

    public ActivitySource Source { get; } = new(ActivitySourceName);
    public Counter<long> Relayed { get; }
    public Counter<long> RelayFailures { get; }

    /// <summary>Grows by itself between readings, as it does while the broker is away.</summary>
    public double OldestUnsentAgeSeconds => Volatile.Read(ref oldestUnsentCreatedAt) is var createdAt and > 0
        ? Math.Max(0, (clock.GetUtcNow().ToUnixTimeMilliseconds() - createdAt) / 1000.0)
        : 0;

    /// <summary>Unix milliseconds of the oldest unsent event, or null when none is waiting.</summary>
    public long? OldestUnsentCreatedAt
    {
        get => Volatile.Read(ref oldestUnsentCreatedAt) is var createdAt and > 0 ? createdAt : null;
        set => Volatile.Write(ref oldestUnsentCreatedAt, value ?? 0);
    }

    public void Dispose()
    {
        meter.Dispose();
        Source.Dispose();
    }
}
