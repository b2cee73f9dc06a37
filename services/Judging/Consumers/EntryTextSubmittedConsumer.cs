using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Consumers;

/// <summary>
/// Takes accepted entries' text into judging: what the panel reads and what conflicts and results need. The event
/// names neither the author nor the nominee, so no judge-facing answer can include them.
/// </summary>
public sealed class EntryTextSubmittedConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<EntryTextSubmitted, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(IReadOnlyList<EntryTextSubmitted> messages, CancellationToken cancellationToken)
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
            // A redaction (a person's data erased) may have overtaken it as well: the redacted text stays.
            if (entry.TextRedactedAt is null)
            {
                entry.Title = message.Title;
                entry.Body = message.Body;
            }
            entry.Field = message.Field;
            entry.WordCount = message.WordCount;
            entry.ReceivedAt = message.ReceivedAt;
        }
    }
}
