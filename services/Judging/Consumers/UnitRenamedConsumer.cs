using HoanKiem.Contracts;
using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Judging.Consumers;

/// <summary>The results download names units as they are called now.</summary>
public sealed class UnitRenamedConsumer(JudgingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitRenamed, JudgingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitRenamed message, ConsumeContext<UnitRenamed> context)
    {
        if (await Db.Units.FindAsync([message.Code], context.CancellationToken) is { } unit)
        {
            unit.Name = message.Name;
        }
    }
}
