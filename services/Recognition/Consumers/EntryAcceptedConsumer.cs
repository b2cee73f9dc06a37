using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// Each accepted entry introduces its nominee. The same person (same folded name and ward) introduced again
/// gains an entry instead of becoming a second nominee, so nobody is appraised or rewarded twice for the same deeds.
/// </summary>
public sealed class EntryAcceptedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<EntryAccepted, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await IntroduceAsync(message, cancellationToken);
            // The next entry may be about the same person: its lookups must see this one.
            await Db.FlushAsync(cancellationToken);
        }
    }

    private async Task IntroduceAsync(EntryAccepted message, CancellationToken cancellationToken)
    {
        // Known already: accepted before under another message id, or its withdrawal overtook its acceptance.
        if (await Db.NomineeEntries.AnyAsync(e => e.EntryId == message.EntryId, cancellationToken))
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
        var guard = await Db.RegisterKeys.FindAsync([message.Year, personKey], cancellationToken)
            ?? Db.RegisterKeys.Add(new RegisterKey { Year = message.Year, PersonKey = personKey }).Entity;
        guard.Revision++;
        var nominee = await FindPersonAsync(message.Year, personKey, entry.FullName, cancellationToken);
        var actor = $"unit-{message.UnitCode}";
        if (nominee is null)
        {
            nominee = Db.Nominees.Add(new Nominee
            {
                Id = Guid.CreateVersion7(),
                Year = message.Year,
                PersonKey = personKey,
                NameKey = NomineeRegister.Spelling(entry.FullName),
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

        nominee.Revision++;
        entry.NomineeId = nominee.Id;
        Db.NomineeEntries.Add(entry);
        var entries = await Db.NomineeEntries.Where(e => e.NomineeId == nominee.Id).ToListAsync(cancellationToken);
        NomineeRegister.TakeFirstEntry(nominee, entries.Append(entry));
    }

    private async Task<Nominee?> FindPersonAsync(int year, string personKey, string fullName, CancellationToken cancellationToken)
    {
        var candidates = await Db.Nominees.Where(n => n.Year == year && n.PersonKey == personKey)
            .OrderBy(n => n.IntroducedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }
        var ids = candidates.Select(n => n.Id).ToList();
        var spellings = (await Db.NomineeEntries.Where(e => e.NomineeId != null && ids.Contains(e.NomineeId.Value))
            .Select(e => new { e.NomineeId, e.FullName }).ToListAsync(cancellationToken)).ToLookup(e => e.NomineeId!.Value, e => e.FullName);
        var match = NomineeRegister.Match(fullName,
            candidates.Select(n => (n.Id, (IReadOnlyList<string>)spellings[n.Id].Append(n.FullName).ToList())).ToList());
        return candidates.SingleOrDefault(n => n.Id == match);
    }
}

