using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Keeps the highest version of the year's recognition figures, whatever order they arrive in.</summary>
public sealed class RecognitionTotalsChangedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<RecognitionTotalsChanged, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(RecognitionTotalsChanged message, ConsumeContext<RecognitionTotalsChanged> context)
    {
        var totals = await Db.RecognitionTotals.FindAsync([message.Year], context.CancellationToken);
        if (totals is not null && totals.Version >= message.Version)
        {
            return;
        }
        totals ??= Db.RecognitionTotals.Add(new RecognitionTotals { Year = message.Year }).Entity;
        totals.Version = message.Version;
        totals.NomineesIntroduced = message.NomineesIntroduced;
        totals.Verified = message.Verified;
        totals.Rejected = message.Rejected;
        totals.Commended = message.Commended;
        totals.UnitsCommended = message.UnitsCommended;
        totals.TotalAmount = message.TotalAmount;
        totals.CommendedByCity = message.CommendedByCity;
        totals.ChangedAt = message.ChangedAt;
    }
}
