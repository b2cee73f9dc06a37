using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>
/// Tallies and reports name units as they are called now; a dated renaming also keeps the former name for the years
/// that ended before it.
/// </summary>
public sealed class UnitRenamedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRenamed, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRenamed message, ConsumeContext<UnitRenamed> context)
    {
        if (await Db.Units.FindAsync([message.Code], context.CancellationToken) is { } unit)
        {
            if (message.EffectiveOn is { } effectiveOn && await Db.UnitNameChanges.FindAsync([unit.Code, effectiveOn], context.CancellationToken) is null)
            {
                Db.UnitNameChanges.Add(new UnitNameChange { Code = unit.Code, EffectiveOn = effectiveOn, FormerName = unit.Name, Name = message.Name });
            }
            unit.Name = message.Name;
        }
    }
}
