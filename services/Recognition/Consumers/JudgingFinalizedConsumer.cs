using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// The panel's prizes become awards with the year's prize money (0 until the secretariat sets it). A later
/// finalisation of the same year replaces the year's awards, so the awards always mirror the latest results.
/// </summary>
public sealed class JudgingFinalizedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<JudgingFinalized, RecognitionDbContext>(db, telemetry)
{
    private static readonly Actor Judging = new("judging", null);

    protected override async Task HandleAsync(JudgingFinalized message, ConsumeContext<JudgingFinalized> context)
    {
        var prizeAmounts = await Db.PrizeAmounts.Where(p => p.Year == message.Year).ToDictionaryAsync(p => p.Prize, p => p.Amount, context.CancellationToken);
        var existing = await Db.Awards.Where(a => a.Year == message.Year).ToDictionaryAsync(a => a.EntryId, context.CancellationToken);
        if (existing.Values.Any(a => a.FinalizedAt > message.FinalizedAt))
        {
            // A later finalisation of the year already stands (the year was reopened and finalised again).
            return;
        }
        var prized = message.Results.Where(r => r.Prize is { Length: > 0 }).ToList();

        foreach (var gone in existing.Values.Where(a => prized.All(r => r.EntryId != a.EntryId)))
        {
            Db.Awards.Remove(gone);
            Db.Audit(Judging, "award.removed", "entry", gone.EntryId.ToString(), new { gone.Prize, gone.Amount }, message.Year);
        }
        foreach (var result in prized)
        {
            var amount = prizeAmounts.GetValueOrDefault(result.Prize!);
            if (!existing.TryGetValue(result.EntryId, out var award))
            {
                award = Db.Awards.Add(new Award { EntryId = result.EntryId, Year = message.Year, UnitCode = result.UnitCode, Title = result.Title, Prize = result.Prize! }).Entity;
            }
            award.UnitCode = result.UnitCode;
            award.Title = result.Title;
            award.Prize = result.Prize!;
            award.Rank = result.Rank;
            award.ForwardedToCity = result.ForwardedToCity;
            award.Amount = amount;
            award.FinalizedAt = message.FinalizedAt;
            Db.Audit(Judging, "award.recorded", "entry", result.EntryId.ToString(),
                new { result.Prize, result.Rank, amount, result.UnitCode }, message.Year);
        }
    }
}
