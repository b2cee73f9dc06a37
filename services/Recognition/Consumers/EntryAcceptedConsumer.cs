using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// Each accepted entry introduces its nominee. The same person (same folded name and ward) introduced again
/// gains an entry instead of becoming a second nominee, so nobody is appraised or rewarded twice for the same deeds.
/// Every introduction moves its year's figures, which the <c>YearTotalsPublisher</c> then publishes.
/// </summary>
public sealed class EntryAcceptedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<EntryAccepted, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken)
    {
        var people = await PeopleInBatch.LoadAsync(Db, messages, cancellationToken);
        var movedYears = new List<int>();
        foreach (var message in messages)
        {
            if (Introduce(message, people))
            {
                movedYears.Add(message.Year);
            }
        }
        await Db.MarkFiguresChangedAsync(movedYears, cancellationToken);
    }

    private bool Introduce(EntryAccepted message, PeopleInBatch people)
    {
        // Known already: accepted before under another message id, or its withdrawal overtook its acceptance.
        if (!people.KnownEntries.Add(message.EntryId))
        {
            return false;
        }
        var entry = new NomineeEntry
        {
            EntryId = message.EntryId,
            Year = message.Year,
            UnitCode = message.UnitCode,
            Field = message.Field,
            FullName = VietnameseText.Clean(message.NomineeFullName) ?? "",
            Ward = VietnameseText.Clean(message.NomineeWard) ?? "",
            ReceivedAt = message.ReceivedAt
        };
        var personKey = Nominee.PersonKeyOf(entry.EntryId, entry.FullName, entry.Ward);
        if (!people.Guards.TryGetValue((message.Year, personKey), out var guard))
        {
            guard = Db.RegisterKeys.Add(new RegisterKey { Year = message.Year, PersonKey = personKey }).Entity;
            people.Guards.Add((message.Year, personKey), guard);
        }
        guard.Revision++;
        var candidates = people.CandidatesFor(message.Year, personKey);
        var match = NomineeRegister.Match(entry.FullName,
            candidates.Select(n => (n.Id, (IReadOnlyList<string>)people.EntriesOf(n.Id).Select(e => e.FullName).Append(n.FullName).ToList())).ToList());
        var nominee = candidates.SingleOrDefault(n => n.Id == match);
        var actor = new Actor($"unit-{message.UnitCode}", null);
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
            candidates.Add(nominee);
            Db.Audit(actor, "nominee.introduced", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, entry.FullName, entry.Ward, entry.UnitCode, status = NomineeStatus.Proposed }, message.Year);
        }
        else if (nominee.Status == NomineeStatus.Withdrawn)
        {
            nominee.Status = NomineeStatus.Proposed;
            Db.Audit(actor, "nominee.reintroduced", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, from = NomineeStatus.Withdrawn, to = NomineeStatus.Proposed }, message.Year);
        }
        else
        {
            Db.Audit(actor, "nominee.entry-added", "nominee", nominee.Id.ToString(),
                new { entryId = entry.EntryId, entry.FullName, entry.Ward, entry.UnitCode }, message.Year);
        }

        nominee.Revision++;
        entry.NomineeId = nominee.Id;
        Db.NomineeEntries.Add(entry);
        var entries = people.EntriesOf(nominee.Id);
        entries.Add(entry);
        NomineeRegister.TakeFirstEntry(nominee, entries);
        candidates.Sort(PeopleInBatch.OldestFirst);
        return true;
    }

    /// <summary>
    /// What the batch's entries need to know about the people they name, read in four queries for the whole batch and
    /// then kept up to date as each entry is introduced, so the next entry about the same person finds them.
    /// </summary>
    private sealed class PeopleInBatch
    {
        public static readonly Comparison<Nominee> OldestFirst = (a, b) =>
            a.IntroducedAt != b.IntroducedAt ? a.IntroducedAt.CompareTo(b.IntroducedAt) : a.Id.CompareTo(b.Id);

        public required HashSet<Guid> KnownEntries { get; init; }
        public required Dictionary<(int Year, string PersonKey), RegisterKey> Guards { get; init; }
        public required Dictionary<(int Year, string PersonKey), List<Nominee>> Candidates { get; init; }
        public required Dictionary<Guid, List<NomineeEntry>> Entries { get; init; }

        public List<Nominee> CandidatesFor(int year, string personKey) =>
            Candidates.TryGetValue((year, personKey), out var candidates) ? candidates : Candidates[(year, personKey)] = [];

        public List<NomineeEntry> EntriesOf(Guid nomineeId) =>
            Entries.TryGetValue(nomineeId, out var entries) ? entries : Entries[nomineeId] = [];

        public static async Task<PeopleInBatch> LoadAsync(RecognitionDbContext db, IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken)
        {
            var entryIds = messages.Select(m => m.EntryId).ToList();
            var years = messages.Select(m => m.Year).Distinct().ToList();
            var personKeys = messages.Select(m => Nominee.PersonKeyOf(m.EntryId, VietnameseText.Clean(m.NomineeFullName) ?? "", VietnameseText.Clean(m.NomineeWard) ?? ""))
                .Distinct().ToList();
            var knownEntries = await db.NomineeEntries.Where(e => entryIds.Contains(e.EntryId)).Select(e => e.EntryId).ToListAsync(cancellationToken);
            var guards = await db.RegisterKeys.Where(k => years.Contains(k.Year) && personKeys.Contains(k.PersonKey)).ToListAsync(cancellationToken);
            var nominees = await db.Nominees.Where(n => years.Contains(n.Year) && personKeys.Contains(n.PersonKey)).ToListAsync(cancellationToken);
            var nomineeIds = nominees.Select(n => n.Id).ToList();
            var entries = await db.NomineeEntries.Where(e => e.NomineeId != null && nomineeIds.Contains(e.NomineeId.Value)).ToListAsync(cancellationToken);
            return new PeopleInBatch
            {
                KnownEntries = knownEntries.ToHashSet(),
                Guards = guards.ToDictionary(k => (k.Year, k.PersonKey)),
                Candidates = nominees.GroupBy(n => (n.Year, n.PersonKey))
                    .ToDictionary(g => g.Key, g => g.OrderBy(n => n.IntroducedAt).ThenBy(n => n.Id).ToList()),
                Entries = entries.GroupBy(e => e.NomineeId!.Value).ToDictionary(g => g.Key, g => g.ToList())
            };
        }
    }
}
