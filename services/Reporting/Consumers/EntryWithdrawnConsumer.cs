using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>A withdrawn entry stops counting from the month it was withdrawn in.</summary>
public sealed class EntryWithdrawnConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryWithdrawn, ReportingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(EntryWithdrawn message, ConsumeContext<EntryWithdrawn> context) =>
        Db.RecordWithdrawnAsync(message, context.CancellationToken);
}
