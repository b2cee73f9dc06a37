using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Records the batch's entries as received and adds them to their months' tallies.</summary>
public sealed class EntryAcceptedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<EntryAccepted, ReportingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(IReadOnlyList<EntryAccepted> messages, CancellationToken cancellationToken) =>
        Db.RecordAcceptedAsync(messages, cancellationToken);
}
