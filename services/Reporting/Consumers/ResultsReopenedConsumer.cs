using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Reporting.Consumers;

/// <summary>
/// The year's ranking no longer stands once reopened: the report shows no prizes or forwarding for it until the next
/// finalisation arrives. A reopening of a finalisation older than the one already here is ignored.
/// </summary>
public sealed class ResultsReopenedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<ResultsReopened, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(ResultsReopened message, ConsumeContext<ResultsReopened> context)
    {
        var round = await Db.JudgingRounds.FindAsync([message.Year], context.CancellationToken);
        if (round is null || round.FinalizedAt > message.FinalizedAt)
        {
            return;
        }
        Db.JudgingRounds.Remove(round);
        Db.JudgedEntries.RemoveRange(await Db.JudgedEntries.Where(r => r.Year == message.Year).ToListAsync(context.CancellationToken));
    }
}
