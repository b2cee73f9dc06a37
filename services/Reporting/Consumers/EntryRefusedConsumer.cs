using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>duplicate_entry counts as a duplicate, any other code as a refusal whose rule the year-end report names.</summary>
public sealed class EntryRefusedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<EntryRefused, ReportingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(EntryRefused message, ConsumeContext<EntryRefused> context) =>
        Db.RecordRefusedAsync(message, context.CancellationToken);
}
