using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Figures across years count a merged unit's past towards the unit it joined.</summary>
public sealed class UnitMergedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitMerged, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitMerged message, ConsumeContext<UnitMerged> context)
    {
        if (await Db.UnitSuccessions.FindAsync([message.Code, message.IntoCode], context.CancellationToken) is null)
        {
            Db.UnitSuccessions.Add(new UnitSuccession
            {
                PredecessorCode = message.Code, SuccessorCode = message.IntoCode, Kind = UnitSuccession.Merged, EffectiveOn = message.EffectiveOn
            });
        }
    }
}
