using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Judging.Consumers;

/// <summary>Keeps unit names so the secretariat's results download names units, not only codes.</summary>
public sealed class UnitRegisteredConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRegistered, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRegistered message, ConsumeContext<UnitRegistered> context)
    {
        var unit = await Db.Units.FindAsync([message.Code], context.CancellationToken);
        if (unit is null)
        {
            Db.Units.Add(new Unit { Code = message.Code, Name = message.Name });
            return;
        }
        unit.Name = message.Name;
    }
}
