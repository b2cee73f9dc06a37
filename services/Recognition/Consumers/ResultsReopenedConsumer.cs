using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// Reopened results take the year's awards back until the panel finalises again (whose event then records them anew);
/// awards of a later finalisation than the one reopened stay.
/// </summary>
public sealed class ResultsReopenedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<ResultsReopened, RecognitionDbContext>(db, telemetry)
{
    private static readonly Actor Judging = new("judging", null);

    protected override async Task HandleAsync(ResultsReopened message, ConsumeContext<ResultsReopened> context)
    {
        var reopened = await Db.Awards.Where(a => a.Year == message.Year && a.FinalizedAt <= message.FinalizedAt).ToListAsync(context.CancellationToken);
        foreach (var award in reopened)
        {
            Db.Awards.Remove(award);
            Db.Audit(Judging, "award.removed", "entry", award.EntryId.ToString(),
                new { award.Prize, award.Amount, message.Reason, message.ReopenedBy }, message.Year);
        }
    }
}
