using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record CategoryTotal(int Count, long Amount);
public sealed record RecognitionSummary(
    int NomineesIntroduced, int Verified, int Rejected, int Commended, int UnitsCommended,
    IReadOnlyDictionary<string, CategoryTotal> ByCategory, long TotalAmount, int CommendedByCity);

public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapYearGroup("/summary", "Summary").MapGet("/", GetSummary).WithSummary("Read the year's recognition figures")
            .WithDescription("Nominees introduced, verified, rejected and commended, units commended, the movement's titles by category, the money of decisions and titles together, and the people commended by the city (those whose forwarded entry has the city's outcome).");
        return app;
    }

    /// <summary>
    /// The year-end figures: <c>verified</c> counts every nominee that passed appraisal (commended ones included),
    /// <c>byCategory</c> the movement's titles, <c>totalAmount</c> the money of decisions and titles together.
    /// </summary>
    public static async Task<Ok<RecognitionSummary>> GetSummary(int year, RecognitionDbContext db)
    {
        var totals = await db.ComputeTotalsAsync(year);
        var categories = await db.Commendations.Where(c => c.Year == year).GroupBy(c => c.Category)
            .Select(g => new { Category = g.Key, Count = g.Count(), Amount = g.Sum(c => c.Amount) }).ToListAsync();
        var byCategory = CommendationCategory.All.ToDictionary(c => c, c => categories.SingleOrDefault(x => x.Category == c) is { } found
            ? new CategoryTotal(found.Count, found.Amount)
            : new CategoryTotal(0, 0));
        return TypedResults.Ok(new RecognitionSummary(totals.NomineesIntroduced, totals.Verified, totals.Rejected, totals.Commended,
            totals.UnitsCommended, byCategory, totals.TotalAmount, totals.CommendedByCity));
    }
}
