using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>The outbox's and inbox's own signals, shown in the dashboard beside MassTransit's.</summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string MeterName = "HoanKiem.Messaging";
    public const string ActivitySourceName = "HoanKiem.Messaging";

    private readonly Meter meter = new(MeterName);
    private readonly TimeProvider clock;
    private long oldestUnsentCreatedAt;

    public MessagingTelemetry(TimeProvider clock)
    {
        this.clock = clock;
        Relayed = meter.CreateCounter<long>("hoankiem.outbox.relayed", "{message}", "Events the broker confirmed");
        RelayFailures = meter.CreateCounter<long>("hoankiem.outbox.relay_failures", "{message}", "Events the broker did not confirm");
        DuplicatesSkipped = meter.CreateCounter<long>("hoankiem.inbox.duplicates_skipped", "{message}", "Redelivered messages a consumer had already handled");
        BatchSize = meter.CreateHistogram<int>("hoankiem.inbox.batch_size", "{message}", "Messages a batch consumer handled in one transaction");
        meter.CreateObservableGauge("hoankiem.outbox.oldest_unsent_age", () => OldestUnsentAgeSeconds, "s",
            "Age of the oldest event stored but not yet confirmed by the broker");
    }

    public ActivitySource Source { get; } = new(ActivitySourceName);
    public Counter<long> Relayed { get; }
    public Counter<long> RelayFailures { get; }
    public Counter<long> DuplicatesSkipped { get; }
    public Histogram<int> BatchSize { get; }

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
