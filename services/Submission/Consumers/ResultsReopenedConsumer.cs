using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.Submission.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Consumers;

/// <summary>
/// Reopened results are final no more: the public page shows no articles for the year until it is finalised again,
/// and the prizes of the ranking set aside go with it; the secretariat's own choices stay for then. A reopening of a
/// finalisation older than the one already here is ignored.
/// </summary>
public sealed class ResultsReopenedConsumer(SubmissionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<ResultsReopened, SubmissionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(ResultsReopened message, ConsumeContext<ResultsReopened> context)
    {
        var results = await Db.YearResults.FindAsync([message.Year], context.CancellationToken);
        if (results is null || results.FinalizedAt > message.FinalizedAt)
        {
            return;
        }
        Db.YearResults.Remove(results);
        await Db.Publications.Where(p => p.Year == message.Year)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Prize, (string?)null), context.CancellationToken);
    }
}
