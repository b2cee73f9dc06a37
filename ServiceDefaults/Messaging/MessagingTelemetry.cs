using System.Diagnostics.Metrics;

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
    }

    public Counter<long> DuplicatesSkipped { get; }
    public Histogram<int> BatchSize { get; }

    public void Dispose() => meter.Dispose();
}
