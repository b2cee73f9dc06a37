using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Recognition.Consumers;

/// <summary>Proposals and new decisions name units as they are called now; signed decisions keep the name they were given.</summary>
public sealed class UnitRenamedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRenamed, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRenamed message, ConsumeContext<UnitRenamed> context)
    {
        if (await Db.Units.FindAsync([message.Code], context.CancellationToken) is { } unit)
        {
            unit.Name = message.Name;
        }
    }
}
