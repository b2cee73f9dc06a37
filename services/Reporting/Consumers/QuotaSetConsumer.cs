using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

public sealed class QuotaSetConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<QuotaSet, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(QuotaSet message, ConsumeContext<QuotaSet> context)
    {
        var quota = await Db.Quotas.FindAsync([message.Year, message.UnitCode], context.CancellationToken);
        if (quota is null)
        {
            quota = Db.Quotas.Add(new Quota { Year = message.Year, UnitCode = message.UnitCode }).Entity;
        }
        quota.Target = message.Target;
    }
}
