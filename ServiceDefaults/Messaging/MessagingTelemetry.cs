using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>The inbox's own signals, shown in the dashboard beside MassTransit's.</summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string MeterName = "HoanKiem.Messaging";

    private readonly Meter meter = new(MeterName);

    public MessagingTelemetry()
    {
        DuplicatesSkipped = meter.CreateCounter<long>("hoankiem.inbox.duplicates_skipped", "{message}", "Redelivered messages a consumer had already handled");
        BatchSize = meter.CreateHistogram<int>("hoankiem.inbox.batch_size", "{message}", "Messages a batch consumer handled in one transaction");
        Lag = meter.CreateHistogram<double>("hoankiem.inbox.lag", "s",
            "From a message's publishing to its effect committing here, per consumer: how far behind the queue is",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        meter.CreateObservableGauge(DeadLettersInstrument,
            () => DeadLetters.Select(queue => new Measurement<long>(queue.Value, new KeyValuePair<string, object?>("queue", queue.Key))),
            "{message}", "Messages waiting in each of this service's _error queues, as last read from the broker: healthy is 0");
    }

    public const string DeadLettersInstrument = "hoankiem.messaging.dead_letters";

    /// <summary>Each <c>_error</c> queue's depth as the <see cref="DeadLetterMonitor"/> last read it.</summary>
    public ConcurrentDictionary<string, long> DeadLetters { get; } = new();

    public Counter<long> DuplicatesSkipped { get; }
    public Histogram<int> BatchSize { get; }
    public Histogram<double> Lag { get; }

    /// <summary>Records how long after its publishing a message took effect, tagged with the consumer that handled it.</summary>
    public void RecordLag(ConsumeContext context, string consumer)
    {
        if (context.SentTime is { } sent)
        {
            Lag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("consumer", consumer));
        }
    }

    public void Dispose() => meter.Dispose();
}
