using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Reporting.Models;

/// <summary>
/// Records submission's facts about entries and attempts, inside the consumer's unit of work. Each fact is kept with
/// its instant, and the monthly counters change by the difference it makes, so any delivery order ends in the same counts.
/// </summary>
public static class EntryLedger
{
    public static async Task RecordAcceptedAsync(this ReportingDbContext db, IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.EntryId).ToList();
        var known = await db.Entries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var counted = new List<TallyChange>();
        foreach (var message in messages)
        {
            if (!known.TryGetValue(message.EntryId, out var entry))
            {
                entry = db.Entries.Add(new EntryFact { Id = message.EntryId, Year = message.Year, UnitCode = message.UnitCode }).Entity;
                known.Add(entry.Id, entry);
            }
            if (entry.ReceivedAt is not null)
            {
                continue;
            }
            var before = entry.Contribution().ToList();
            entry.ReceivedAt = message.ReceivedAt;
            entry.Version++;
            counted.AddRange(before.Select(c => c.Negate()).Concat(entry.Contribution()));
        }
        await db.AddToTalliesAsync(counted, cancellationToken);
    }

    public static async Task RecordWithdrawnAsync(this ReportingDbContext db, EntryWithdrawn message, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.FindAsync([message.EntryId], cancellationToken)
            ?? db.Entries.Add(new EntryFact { Id = message.EntryId, Year = message.Year, UnitCode = message.UnitCode }).Entity;
        if (entry.WithdrawnAt is not null)
        {
            return;
        }
        var before = entry.Contribution().ToList();
        entry.WithdrawnAt = message.WithdrawnAt;
        entry.Version++;
        await db.AddToTalliesAsync(before.Select(c => c.Negate()).Concat(entry.Contribution()), cancellationToken);
    }

    public static async Task RecordRefusedAsync(this ReportingDbContext db, EntryRefused message, CancellationToken cancellationToken)
    {
        if (await db.Refusals.FindAsync([message.AttemptId], cancellationToken) is not null)
        {
            return;
        }
        var refusal = db.Refusals.Add(new RefusalFact
        {
            AttemptId = message.AttemptId,
            Year = message.Year,
            UnitCode = message.UnitCode,
            Code = message.Code,
            AttemptedAt = message.AttemptedAt,
            DuplicateOfEntryId = message.DuplicateOfEntryId
        }).Entity;
        await db.AddToTalliesAsync([refusal.Contribution()], cancellationToken);
    }
}
