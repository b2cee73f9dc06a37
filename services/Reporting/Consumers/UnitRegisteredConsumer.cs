using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Every registered unit appears in the tallies, also before it sends anything.</summary>
public sealed class UnitRegisteredConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRegistered, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRegistered message, ConsumeContext<UnitRegistered> context)
    {
        var unit = await Db.Units.FindAsync([message.Code], context.CancellationToken);
        if (unit is null)
        {
            unit = Db.Units.Add(new Unit { Code = message.Code, Name = message.Name }).Entity;
        }
        unit.Name = message.Name;
        unit.Kind = message.Kind;
        unit.RegisteredAt = message.RegisteredAt;
    }
}
