using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Judging.Consumers;

/// <summary>
/// A person's name in an entry's text was corrected or taken out: the panel's copy follows, even if the results are final, as the
/// copy is what judging keeps of them. The latest redaction wins whatever order redactions arrive in.
/// </summary>
public sealed class EntryTextRedactedConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryTextRedacted, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(EntryTextRedacted message, ConsumeContext<EntryTextRedacted> context)
    {
        // Not here yet: the text travels on another queue and is stored first; the retry finds it.
        var entry = await Db.Entries.FindAsync([message.EntryId], context.CancellationToken)
            ?? throw new InvalidOperationException($"Entry {message.EntryId} is not known yet; its text is on its way.");
        if (entry.TextRedactedAt >= message.RedactedAt)
        {
            return;
        }
        entry.Title = message.Title;
        entry.Body = message.Body;
        entry.TextRedactedAt = message.RedactedAt;
        Db.ForgetOverwrittenPages();
    }
}
