using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using Microsoft.EntityFrameworkCore;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>The latest finalisation of the year stands: its ranking replaces any earlier one, an older one is ignored.</summary>
public sealed class JudgingFinalizedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<JudgingFinalized, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(JudgingFinalized message, ConsumeContext<JudgingFinalized> context)
    {
        var cancellationToken = context.CancellationToken;
        var round = await Db.JudgingRounds.FindAsync([message.Year], cancellationToken);
        if (round is not null && round.FinalizedAt > message.FinalizedAt)
        {
            return;
        }
        round ??= Db.JudgingRounds.Add(new JudgingRound { Year = message.Year }).Entity;
        round.FinalizedAt = message.FinalizedAt;

        var known = await Db.JudgedEntries.Where(r => r.Year == message.Year).ToDictionaryAsync(r => r.EntryId, cancellationToken);
        foreach (var result in message.Results)
        {
            if (!known.Remove(result.EntryId, out var ranked))
            {
                ranked = Db.JudgedEntries.Add(new JudgedEntry { Year = message.Year, EntryId = result.EntryId, UnitCode = result.UnitCode, Title = result.Title }).Entity;
            }
            ranked.UnitCode = result.UnitCode;
            ranked.Title = result.Title;
            ranked.Rank = result.Rank;
            ranked.Score = result.Score;
            ranked.Prize = result.Prize;
            ranked.ForwardedToCity = result.ForwardedToCity;
        }
        Db.JudgedEntries.RemoveRange(known.Values);
    }
}
