using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Consumers;

/// <summary>
/// Takes accepted entries into judging. Only what the panel reads and what conflicts and results need is kept:
/// the nominee's details in the event are dropped here, so no judge-facing answer can ever include them.
/// </summary>
public sealed class EntryAcceptedConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<EntryAccepted, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.EntryId).ToList();
        var known = await Db.Entries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        foreach (var message in messages)
        {
            if (!known.TryGetValue(message.EntryId, out var entry))
            {
                entry = Db.Entries.Add(new Entry { Id = message.EntryId }).Entity;
                known.Add(entry.Id, entry);
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
}
