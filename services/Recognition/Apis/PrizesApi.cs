using System.Security.Claims;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record PrizeMoneyView(string Prize, long Amount, bool Set, int Awarded, string? ChangedBy, DateTimeOffset? ChangedAt);
public sealed record PrizeMoneyRequest(long? Amount);

/// <summary>
/// The contest's prize money, set by the organisers for each year (no decree fixes it). A prize is worth 0 until set;
/// setting it reprices the year's awards, since a prize carries no decision of its own.
/// </summary>
public static class PrizesApi
{
    public static IEndpointRouteBuilder MapPrizesApi(this IEndpointRouteBuilder app)
    {
        var prizes = app.MapYearGroup("/prizes", "Prizes");
        prizes.MapGet("/", ListPrizes).WithSummary("Read the year's prize money")
            .WithDescription("Each prize (first, second, third, encouragement) with its money for the year (0 until set) and how many entries won it.");
        prizes.MapPut("/{prize}", PutPrize).WithSummary("Set a prize's money for the year")
            .WithDescription("Sets the money of one prize for the year, a whole number of VND from 0 to 10,000,000,000; the year's awards of that prize take it at once. 404 prize_not_found.");
        return app;
    }

    public static async Task<Ok<List<PrizeMoneyView>>> ListPrizes(int year, RecognitionDbContext db)
    {
        var amounts = await db.PrizeAmounts.AsNoTracking().Where(p => p.Year == year).ToDictionaryAsync(p => p.Prize);
        var awarded = await db.Awards.Where(a => a.Year == year).GroupBy(a => a.Prize).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        return TypedResults.Ok(RewardTable.Prizes.Select(prize => amounts.GetValueOrDefault(prize) is { } row
                ? new PrizeMoneyView(prize, row.Amount, true, awarded.GetValueOrDefault(prize), row.ChangedBy, row.ChangedAt)
                : new PrizeMoneyView(prize, 0, false, awarded.GetValueOrDefault(prize), null, null))
            .ToList());
    }

    public static async Task<Results<Ok<PrizeMoneyView>, ProblemHttpResult>> PutPrize(
        int year, string prize, PrizeMoneyRequest request, ClaimsPrincipal user, RecognitionDbContext db, TimeProvider clock)
    {
        var key = prize.Trim().ToLowerInvariant();
        if (!RewardTable.Prizes.Contains(key))
        {
            return Problems.NotFound("prize_not_found", Messages.PrizeNotFound(key));
        }
        if (request.Amount is not (>= 0 and <= RecognitionRoutes.MaxAmount))
        {
            return Problems.Validation("amount", "amount is a whole number of VND from 0 to 10,000,000,000.");
        }
        var row = await db.PrizeAmounts.FindAsync(year, key);
        var before = row?.Amount ?? 0;
        row ??= db.PrizeAmounts.Add(new PrizeAmount { Year = year, Prize = key }).Entity;
        row.Amount = request.Amount.Value;
        row.ChangedBy = user.Caller().ClientId;
        row.ChangedAt = clock.GetUtcNow();
        var actor = Actor.Of(user);
        db.Audit(actor, "prize.amount-set", "prize", key, new { from = before, to = row.Amount }, year);
        var awards = await db.Awards.Where(a => a.Year == year && a.Prize == key).ToListAsync();
        foreach (var award in awards.Where(a => a.Amount != row.Amount))
        {
            db.Audit(actor, "award.repriced", "entry", award.EntryId.ToString(), new { from = award.Amount, to = row.Amount, prize = key }, year);
            award.Amount = row.Amount;
        }
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(new PrizeMoneyView(key, row.Amount, true, awards.Count, row.ChangedBy, row.ChangedAt));
    }
}
