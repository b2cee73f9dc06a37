using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// Each accepted entry introduces its nominee. The same person (same folded name and ward) introduced again
/// gains an entry instead of becoming a second nominee, so nobody is appraised or rewarded twice for the same deeds.
/// </summary>
public sealed class EntryAcceptedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryAccepted, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(EntryAccepted message, ConsumeContext<EntryAccepted> context)
    {
        // Known already: accepted before under another message id, or its withdrawal overtook its acceptance.
        if (await Db.NomineeEntries.AnyAsync(e => e.EntryId == message.EntryId, context.CancellationToken))
        {
            return;
        }
        var entry = new NomineeEntry
        {
            EntryId = message.EntryId,
            Year = message.Year,
            UnitCode = message.UnitCode,
            Field = message.Field,
            FullName = VietnameseText.Clean(message.Nominee.FullName) ?? "",
            Ward = VietnameseText.Clean(message.Nominee.Ward) ?? "",
            ReceivedAt = message.ReceivedAt
        };
        var personKey = Nominee.PersonKeyOf(entry.FullName, entry.Ward);
        var nominee = await Db.Nominees.SingleOrDefaultAsync(n => n.Year == message.Year && n.PersonKey == personKey, context.CancellationToken);
        var actor = $"unit-{message.UnitCode}";
        if (nominee is null)
        {
            nominee = Db.Nominees.Add(new Nominee
            {
                Id = Guid.CreateVersion7(),
                Year = message.Year,
                PersonKey = personKey,
                FullName = entry.FullName,
                Ward = entry.Ward,
                UnitCode = entry.UnitCode,
                Field = entry.Field,
                Status = NomineeStatus.Proposed
            }).Entity;
            Db.Audit(message.Year, actor, "nominee.introduced", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, entry.FullName, entry.Ward, entry.UnitCode, status = NomineeStatus.Proposed });
        }
        else if (nominee.Status == NomineeStatus.Withdrawn)
        {
            nominee.Status = NomineeStatus.Proposed;
            Db.Audit(message.Year, actor, "nominee.reintroduced", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, from = NomineeStatus.Withdrawn, to = NomineeStatus.Proposed });
        }
        else
        {
            Db.Audit(message.Year, actor, "nominee.entry-added", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, entry.FullName, entry.Ward, entry.UnitCode });
        }

        entry.NomineeId = nominee.Id;
        Db.NomineeEntries.Add(entry);
        var entries = await Db.NomineeEntries.Where(e => e.NomineeId == nominee.Id).ToListAsync(context.CancellationToken);
        NomineeRegister.TakeFirstEntry(nominee, entries.Append(entry));
    }
}
