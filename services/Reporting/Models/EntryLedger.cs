using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;

namespace HoanKiem.Reporting.Models;

/// <summary>
/// Records submission's facts about entries and attempts. Each fact is kept with its instant, and the monthly
/// counters change by the difference it makes, so any delivery order ends in the same counts.
/// </summary>
public static class EntryLedger
{
    public static async Task RecordAcceptedAsync(this ReportingDbContext db, EntryAccepted message, CancellationToken cancellationToken)
    {
        var entry = await FindOrAddAsync(db, message.EntryId, message.Year, message.UnitCode, cancellationToken);
        if (entry.ReceivedAt is not null)
        {
            return;
        }
        var before = entry.Contribution().ToList();
        entry.Title = message.Title;
        entry.ReceivedAt = message.ReceivedAt;
        entry.Version++;
        db.Count(before.Select(c => c.Negate()).Concat(entry.Contribution()));
    }

    public static async Task RecordWithdrawnAsync(this ReportingDbContext db, EntryWithdrawn message, CancellationToken cancellationToken)
    {
        var entry = await FindOrAddAsync(db, message.EntryId, message.Year, message.UnitCode, cancellationToken);
        if (entry.WithdrawnAt is not null)
        {
            return;
        }
        var before = entry.Contribution().ToList();
        entry.WithdrawnAt = message.WithdrawnAt;
        entry.Version++;
        db.Count(before.Select(c => c.Negate()).Concat(entry.Contribution()));
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
        db.Count([refusal.Contribution()]);
    }

    private static async Task<EntryFact> FindOrAddAsync(ReportingDbContext db, Guid id, int year, string unitCode, CancellationToken cancellationToken)
    {
        if (await db.Entries.FindAsync([id], cancellationToken) is { } known)
        {
            return known;
        }
        return db.Entries.Add(new EntryFact { Id = id, Year = year, UnitCode = unitCode }).Entity;
    }
}
