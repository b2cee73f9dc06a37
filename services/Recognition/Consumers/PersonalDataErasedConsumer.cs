using System.Text.Json.Nodes;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// A nominee's personal data was erased from an entry: recognition's copy of the name and ward goes, from the entry,
/// from the register's keys, from the audit trail's records of the entry, and from the nominee unless another entry
/// still names them. The audit trail records that the erasure happened, by whom, and for which entry; recognition keeps
/// nothing of authors, so an author's erasure changes nothing here.
/// </summary>
public sealed class PersonalDataErasedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<PersonalDataErased, RecognitionDbContext>(db, telemetry)
{
    private const string ErasedAction = "personal-data.erased";
    private static readonly string[] PersonalFields = ["fullName", "ward"];

    protected override async Task HandleAsync(PersonalDataErased message, ConsumeContext<PersonalDataErased> context)
    {
        if (message.Person != PersonRole.Nominee)
        {
            return;
        }
        var cancellationToken = context.CancellationToken;
        // Not here yet: the acceptance travels on another queue; the retry finds it.
        var entry = await Db.NomineeEntries.FindAsync([message.EntryId], cancellationToken)
            ?? throw new InvalidOperationException($"Entry {message.EntryId} is not known yet; its acceptance is on its way.");
        var entryId = message.EntryId.ToString();
        // Once per entry, whatever message ids the erasure comes under: the trail shows one erasure.
        if (await Db.AuditRecords.AnyAsync(a => a.Action == ErasedAction && a.SubjectType == "entry" && a.SubjectId == entryId, cancellationToken))
        {
            return;
        }
        entry.FullName = PersonalDataErased.Placeholder;
        entry.Ward = PersonalDataErased.Placeholder;

        var records = await Db.AuditRecords.Where(a => a.Changes.Contains(entryId)).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            record.Changes = WithoutPersonalData(record.Changes);
        }
        var nomineeIds = records.Where(r => r.SubjectType == "nominee").Select(r => Guid.Parse(r.SubjectId))
            .Append(entry.NomineeId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        foreach (var nominee in await Db.Nominees.Where(n => nomineeIds.Contains(n.Id)).ToListAsync(cancellationToken))
        {
            await ForgetUnlessStillNamedAsync(nominee, entry, cancellationToken);
        }
        Db.Audit(new Actor(message.ErasedBy, null), ErasedAction, "entry", entryId, new { entryId = message.EntryId, person = message.Person }, message.Year);
        Db.ForgetOverwrittenPages();
    }

    private async Task ForgetUnlessStillNamedAsync(Nominee nominee, NomineeEntry erased, CancellationToken cancellationToken)
    {
        nominee.Revision++;
        var named = (await Db.NomineeEntries.Where(e => e.NomineeId == nominee.Id && e.EntryId != erased.EntryId).ToListAsync(cancellationToken))
            .Where(e => !e.IsErased).OrderBy(e => e.ReceivedAt).ThenBy(e => e.EntryId).FirstOrDefault();
        if (named is not null)
        {
            nominee.FullName = named.FullName;
            nominee.Ward = named.Ward;
            return;
        }
        var key = nominee.PersonKey;
        nominee.FullName = PersonalDataErased.Placeholder;
        nominee.Ward = PersonalDataErased.Placeholder;
        nominee.PersonKey = Nominee.ErasedKeyOf(nominee.Id);
        nominee.NameKey = "";
        if (!await Db.Nominees.AnyAsync(n => n.Year == nominee.Year && n.PersonKey == key && n.Id != nominee.Id, cancellationToken)
            && await Db.RegisterKeys.FindAsync([nominee.Year, key], cancellationToken) is { } guard)
        {
            Db.RegisterKeys.Remove(guard);
        }
    }

    private static string WithoutPersonalData(string changes)
    {
        if (JsonNode.Parse(changes) is not JsonObject values)
        {
            return changes;
        }
        foreach (var field in PersonalFields.Where(values.ContainsKey))
        {
            values[field] = PersonalDataErased.Placeholder;
        }
        return values.ToJsonString(MessageSerialization.Options);
    }
}
