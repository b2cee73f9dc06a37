using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Figures across years name the units a split unit went into, and keep its own past under it.</summary>
public sealed class UnitSplitConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<UnitSplit, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(UnitSplit message, ConsumeContext<UnitSplit> context)
    {
        foreach (var into in message.IntoCodes.Distinct())
        {
            if (await Db.UnitSuccessions.FindAsync([message.Code, into], context.CancellationToken) is null)
            {
                Db.UnitSuccessions.Add(new UnitSuccession
                {
                    PredecessorCode = message.Code, SuccessorCode = into, Kind = UnitSuccession.Split, EffectiveOn = message.EffectiveOn
                });
            }
        }
    }
}
