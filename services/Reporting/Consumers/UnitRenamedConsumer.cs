using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Tallies and reports name units as they are called now.</summary>
public sealed class UnitRenamedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRenamed, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRenamed message, ConsumeContext<UnitRenamed> context)
    {
        if (await Db.Units.FindAsync([message.Code], context.CancellationToken) is { } unit)
        {
            unit.Name = message.Name;
        }
    }
}
