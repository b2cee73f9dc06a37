using System.Diagnostics.Metrics;
using HoanKiem.ServiceDefaults.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace HoanKiem.TestSupport;

/// <summary>
/// The copies of events that one service's outbox relay has had confirmed by the broker since this started counting:
/// once its outbox is drained, every copy a subscriber will ever get, duplicates included.
/// </summary>
public sealed class RelayedCopies : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;

    public RelayedCopies(IServiceProvider services)
    {
        var relayed = services.GetRequiredService<OutboxTelemetry>().Relayed;
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument == relayed)
            {
                Interlocked.Add(ref count, value);
            }
        });
        listener.EnableMeasurementEvents(relayed);
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
