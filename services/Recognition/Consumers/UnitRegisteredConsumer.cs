using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Recognition.Consumers;

/// <summary>Keeps the units' names and kinds, for proposals and for decisions that name units.</summary>
public sealed class UnitRegisteredConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRegistered, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRegistered message, ConsumeContext<UnitRegistered> context)
    {
        var unit = await Db.Units.FindAsync([message.Code], context.CancellationToken);
        if (unit is null)
        {
            Db.Units.Add(new Unit { Code = message.Code, Name = message.Name, Kind = message.Kind });
            return;
        }
        unit.Name = message.Name;
        unit.Kind = message.Kind;
    }
}
