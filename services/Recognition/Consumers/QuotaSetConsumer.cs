using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Recognition.Consumers;

/// <summary>Keeps each unit's quota, against which units over quota are proposed for commendation.</summary>
public sealed class QuotaSetConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<QuotaSet, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(QuotaSet message, ConsumeContext<QuotaSet> context)
    {
        var quota = await Db.Quotas.FindAsync([message.Year, message.UnitCode], context.CancellationToken);
        if (quota is null)
        {
            Db.Quotas.Add(new Quota { Year = message.Year, UnitCode = message.UnitCode, Target = message.Target });
            return;
        }
        quota.Target = message.Target;
    }
}
