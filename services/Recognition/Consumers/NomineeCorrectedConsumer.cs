using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// The secretariat corrected the nominee's name or ward on an entry: the entry's copy follows, and the nominee shows it
/// if this is the entry they are shown by. The register keeps matching the person by the key they were introduced with.
/// </summary>
public sealed class NomineeCorrectedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<NomineeCorrected, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(NomineeCorrected message, ConsumeContext<NomineeCorrected> context)
    {
        var cancellationToken = context.CancellationToken;
        // Not here yet: the acceptance travels on another queue; the retry finds it.
        var entry = await Db.NomineeEntries.FindAsync([message.EntryId], cancellationToken)
            ?? throw new InvalidOperationException($"Entry {message.EntryId} is not known yet; its acceptance is on its way.");
        if (entry.IsErased || entry.CorrectedAt >= message.CorrectedAt)
        {
            return;
        }
        entry.FullName = VietnameseText.Clean(message.FullName) ?? "";
        entry.Ward = VietnameseText.Clean(message.Ward) ?? "";
        entry.CorrectedAt = message.CorrectedAt;
        Db.ForgetOverwrittenPages();
        if (entry.NomineeId is not { } nomineeId || await Db.Nominees.FindAsync([nomineeId], cancellationToken) is not { } nominee)
        {
            return;
        }
        nominee.Revision++;
        NomineeRegister.TakeFirstEntry(nominee, await Db.NomineeEntries.Where(e => e.NomineeId == nomineeId).ToListAsync(cancellationToken));
        Db.Audit(new Actor(message.CorrectedBy, null), "nominee.corrected", "nominee", nominee.Id.ToString(),
            new { entryId = entry.EntryId, entry.FullName, entry.Ward }, message.Year);
    }
}
