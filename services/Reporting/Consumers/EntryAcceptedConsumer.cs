using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

public sealed class EntryAcceptedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryAccepted, ReportingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(EntryAccepted message, ConsumeContext<EntryAccepted> context) =>
        Db.RecordAcceptedAsync(message, context.CancellationToken);
}
