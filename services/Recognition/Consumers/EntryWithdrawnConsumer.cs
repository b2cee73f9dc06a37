using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// An entry withdrawn before its nominee was appraised no longer introduces them; a nominee left with no entry
/// leaves the register (kept, hidden, for the audit trail). After appraisal the appraisal stands: the entry stays
/// listed and only its withdrawal is recorded, since the secretariat judged the person, not the paper.
/// </summary>
public sealed class EntryWithdrawnConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryWithdrawn, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(EntryWithdrawn message, ConsumeContext<EntryWithdrawn> context)
    {
        var entry = await Db.NomineeEntries.FindAsync([message.EntryId], context.CancellationToken);
        if (entry is null)
        {
            // The withdrawal overtook the acceptance (separate queues): remember it so the acceptance introduces no one.
            Db.NomineeEntries.Add(new NomineeEntry
            {
                EntryId = message.EntryId,
                Year = message.Year,
                UnitCode = message.UnitCode,
                Field = "",
                FullName = "",
                Ward = "",
                WithdrawnAt = message.WithdrawnAt
            });
            return;
        }
        if (entry.WithdrawnAt is not null)
        {
            return;
        }
        entry.WithdrawnAt = message.WithdrawnAt;
        if (entry.NomineeId is not { } nomineeId || await Db.Nominees.FindAsync([nomineeId], context.CancellationToken) is not { } nominee)
        {
            return;
        }
        nominee.Revision++;
        await Db.MarkFiguresChangedAsync([message.Year], context.CancellationToken);
        var actor = new Actor($"unit-{message.UnitCode}", null);
        if (nominee.IsAppraised)
        {
            Db.Audit(actor, "nominee.entry-withdrawn-after-appraisal", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, status = nominee.Status }, message.Year);
            return;
        }

        entry.NomineeId = null;
        var remaining = await Db.NomineeEntries.Where(e => e.NomineeId == nominee.Id && e.EntryId != entry.EntryId)
            .ToListAsync(context.CancellationToken);
        if (remaining.Count == 0)
        {
            Db.Audit(actor, "nominee.withdrawn", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, from = nominee.Status, to = NomineeStatus.Withdrawn }, message.Year);
            nominee.Status = NomineeStatus.Withdrawn;
            return;
        }
        NomineeRegister.TakeFirstEntry(nominee, remaining);
        Db.Audit(actor, "nominee.entry-withdrawn", "nominee", nominee.Id.ToString(),
            new { entryId = entry.EntryId, remainingEntryIds = remaining.Select(e => e.EntryId) }, message.Year);
    }
}
