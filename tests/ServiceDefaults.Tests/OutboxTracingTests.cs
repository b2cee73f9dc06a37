using System.Collections.Concurrent;
using System.Diagnostics;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>The spans the outbox relay and the bus record for an event, on a real broker.</summary>
[Collection(nameof(RecordsActivities))]
public sealed class OutboxTracingTests : MessagingTest
{
    [Fact]
    public async Task The_relay_traces_each_event_and_not_its_bookkeeping()
    {
        var traces = new ConcurrentQueue<Activity>();
        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath, traces: traces);
        var notes = await service.AddNotesAsync(3);
        await Eventually.Until(() => service.WithDbAsync(db => db.ReceivedNotes.CountAsync()), received => received == notes.Count);
        await Eventually.Until(() => service.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)), unsent => unsent == 0);
        await service.Deliveries.WaitForAsync(await service.WithDbAsync(db => db.OutboxMessages.Select(m => m.MessageId).ToListAsync()));

        // Idle now but for the relay, which looks at the outbox five times a second: what is tested is that these
        // looks leave no trace, so the test watches a few seconds of them.
        var idleFrom = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(notes.Count, traces.Count(a => a.Source.Name == OutboxTelemetry.ActivitySourceName && a.OperationName == "outbox relay"));
        Assert.DoesNotContain(traces, a => a.StartTimeUtc >= idleFrom);
    }

    [Fact]
    public async Task An_event_follows_the_sampling_decision_of_the_request_that_stored_it()
    {
        var traces = new ConcurrentQueue<Activity>();
        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath, traces: traces);
        var kept = ActivityTraceId.CreateRandom();
        var dropped = ActivityTraceId.CreateRandom();

        await StoreNoteWithin(service, kept, ActivityTraceFlags.Recorded);
        await StoreNoteWithin(service, dropped, ActivityTraceFlags.None);
        await Eventually.Until(() => service.WithDbAsync(db => db.ReceivedNotes.CountAsync()), received => received == 2);
        await service.Deliveries.WaitForAsync(await service.WithDbAsync(db => db.OutboxMessages.Select(m => m.MessageId).ToListAsync()));

        var messaging = traces.Where(a => a.Source.Name is OutboxTelemetry.ActivitySourceName or "MassTransit").ToList();
        Assert.Contains(messaging, a => a.TraceId == kept && a.OperationName == "outbox relay");
        Assert.Contains(messaging, a => a.TraceId == kept && a.Kind == ActivityKind.Producer && a.Source.Name == "MassTransit");
        Assert.Contains(messaging, a => a.TraceId == kept && a.Kind == ActivityKind.Consumer);
        Assert.All(messaging, a => Assert.Equal(kept, a.TraceId));
    }

    /// <summary>Stores a note inside a request of the given trace, as the gateway's sampling decision reaches a service.</summary>
    private static async Task StoreNoteWithin(MessagingHost service, ActivityTraceId traceId, ActivityTraceFlags flags)
    {
        using var request = new Activity("request").SetParentId(traceId, ActivitySpanId.CreateRandom(), flags).Start();
        await service.AddNotesAsync(1);
    }
}
