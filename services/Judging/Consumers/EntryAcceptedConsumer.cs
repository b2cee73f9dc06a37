using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Judging.Consumers;

/// <summary>
/// Takes an accepted entry into judging. Only what the panel reads and what conflicts and results need is kept:
/// the nominee's details in the event are dropped here, so no judge-facing answer can ever include them.
/// </summary>
public sealed class EntryAcceptedConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryAccepted, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(EntryAccepted message, ConsumeContext<EntryAccepted> context)
    {
        var entry = await Db.Entries.FindAsync([message.EntryId], context.CancellationToken);
        if (entry is null)
        {
            entry = Db.Entries.Add(new Entry { Id = message.EntryId }).Entity;
        }
        // A withdrawal may have overtaken this event (they travel on different queues): it stays withdrawn.
        entry.Year = message.Year;
        entry.UnitCode = message.UnitCode;
        entry.Title = message.Title;
        entry.Body = message.Body;
        entry.Field = message.Field;
        entry.WordCount = message.WordCount;
        entry.ReceivedAt = message.ReceivedAt;
    }
}
