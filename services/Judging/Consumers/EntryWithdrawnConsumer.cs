using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Consumers;

/// <summary>
/// A withdrawn entry leaves judging: its assignments and any scores go, so it is neither ranked nor counted as
/// missing work, and its judges' loads drop (the next assignment run levels them again). Once the year is final
/// the results are frozen and the withdrawal is only recorded.
/// </summary>
public sealed class EntryWithdrawnConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryWithdrawn, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(EntryWithdrawn message, ConsumeContext<EntryWithdrawn> context)
    {
        var entry = await Db.Entries.FindAsync([message.EntryId], context.CancellationToken);
        if (entry is null)
        {
            // Arrived before the acceptance: remember the withdrawal so the late acceptance does not bring it back.
            entry = Db.Entries.Add(new Entry { Id = message.EntryId, Year = message.Year, UnitCode = message.UnitCode }).Entity;
        }
        entry.Status = EntryStatus.Withdrawn;
        entry.WithdrawnAt = message.WithdrawnAt;
        var finalized = await Db.Years.AnyAsync(y => y.Year == message.Year && y.FinalizedAt != null, context.CancellationToken);
        if (!finalized)
        {
            Db.Assignments.RemoveRange(await Db.Assignments.Where(a => a.EntryId == message.EntryId).ToListAsync(context.CancellationToken));
        }
    }
}
