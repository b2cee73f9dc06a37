using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Consumers;

/// <summary>
/// The panel's prizes, for the public page of exemplary articles: a later finalisation of the same year replaces them,
/// so the page always follows the latest results; the secretariat's own choices stay.
/// </summary>
public sealed class JudgingFinalizedConsumer(SubmissionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<JudgingFinalized, SubmissionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(JudgingFinalized message, ConsumeContext<JudgingFinalized> context)
    {
        var results = await Db.YearResults.FindAsync([message.Year], context.CancellationToken);
        if (results?.FinalizedAt > message.FinalizedAt)
        {
            // A late copy of results already replaced.
            return;
        }
        var prizes = message.Results.Where(r => r.Prize is { Length: > 0 }).ToDictionary(r => r.EntryId, r => r.Prize);
        var publications = await Db.Publications.Where(p => p.Year == message.Year).ToDictionaryAsync(p => p.EntryId, context.CancellationToken);
        foreach (var publication in publications.Values)
        {
            publication.Prize = prizes.GetValueOrDefault(publication.EntryId);
        }
        foreach (var (entryId, prize) in prizes.Where(p => !publications.ContainsKey(p.Key)))
        {
            Db.Publications.Add(new Publication { EntryId = entryId, Year = message.Year, Prize = prize });
        }
        if (results is not null)
        {
            results.FinalizedAt = message.FinalizedAt;
        }
        else
        {
            Db.YearResults.Add(new YearResults { Year = message.Year, FinalizedAt = message.FinalizedAt });
        }
    }
}
