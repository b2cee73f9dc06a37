using System.Security.Claims;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record ProposedUnitView(string UnitCode, string UnitName, int Quota, int Accepted, int Excess, int Prizes, string Reason, string? CommendedBy);
public sealed record CriterionRequest(int? MinimumPrizes);
public sealed record CriterionView(int Year, int MinimumPrizes, string? SetBy, DateTimeOffset? SetAt);

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapYearGroup("/units", "Units");
        units.MapGet("/proposed", ListProposedUnits).WithSummary("List units proposed for commendation")
            .WithDescription("Units whose accepted entries exceed their quota and, when the year's criterion asks for it, with at least that many prize-winning entries; most excess first, each with the reason it qualifies; commendedBy names the decision once one commended them. Paged.");
        units.MapGet("/criterion", GetCriterion).WithSummary("Read the year's quality criterion for units over quota");
        units.MapPut("/criterion", PutCriterion).WithSummary("Set the year's quality criterion for units over quota")
            .WithDescription("minimumPrizes: how many prize-winning entries a unit over quota needs to be proposed, 0 (off, the default) to 100.");
        return app;
    }

    /// <summary>
    /// Units whose accepted entries are strictly more than their quota (withdrawn entries do not count), and that meet
    /// the year's quality criterion if one is set, most excess first, ready for a unit decision.
    /// A unit without a quota for the year has no plan to exceed and is not proposed.
    /// </summary>
    public static async Task<Ok<Page<ProposedUnitView>>> ListProposedUnits(
        int year, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var accepted = await db.NomineeEntries.Where(e => e.Year == year && e.WithdrawnAt == null)
            .GroupBy(e => e.UnitCode).Select(g => new { UnitCode = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitCode, g => g.Count);
        var prizes = await db.Awards.Where(a => a.Year == year).GroupBy(a => a.UnitCode)
            .Select(g => new { UnitCode = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UnitCode, g => g.Count);
        var minimumPrizes = (await db.ProposalCriteria.FindAsync(year))?.MinimumPrizes ?? 0;
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.Year == year).ToListAsync();
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name);
        var commendedBy = await (from r in db.DecisionRecipients
                                 join d in db.Decisions on r.DecisionId equals d.Id
                                 where r.Year == year && r.UnitCode != null
                                 select new { r.UnitCode, d.Number }).ToDictionaryAsync(x => x.UnitCode!, x => x.Number);
        var proposed = quotas
            .Select(q => (Quota: q, Accepted: accepted.GetValueOrDefault(q.UnitCode), Prizes: prizes.GetValueOrDefault(q.UnitCode)))
            .Where(u => u.Accepted > u.Quota.Target && u.Prizes >= minimumPrizes)
            .Select(u => new ProposedUnitView(u.Quota.UnitCode, names.GetValueOrDefault(u.Quota.UnitCode, u.Quota.UnitCode), u.Quota.Target,
                u.Accepted, u.Accepted - u.Quota.Target, u.Prizes, Reason(u.Accepted, u.Quota.Target, u.Prizes, minimumPrizes),
                commendedBy.GetValueOrDefault(u.Quota.UnitCode)))
            .OrderByDescending(u => u.Excess).ThenBy(u => u.UnitCode, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(proposed.ToPage(paging));
    }

    public static async Task<Ok<CriterionView>> GetCriterion(int year, RecognitionDbContext db) =>
        TypedResults.Ok(await db.ProposalCriteria.FindAsync(year) is { } c
            ? new CriterionView(year, c.MinimumPrizes, c.SetBy, c.SetAt)
            : new CriterionView(year, 0, null, null));

    public static async Task<Results<Ok<CriterionView>, ProblemHttpResult>> PutCriterion(
        int year, CriterionRequest request, ClaimsPrincipal user, RecognitionDbContext db, TimeProvider clock)
    {
        if (request.MinimumPrizes is not { } minimum || minimum is < 0 or > ProposalCriterion.MaxPrizes)
        {
            return Problems.Validation("minimumPrizes", $"minimumPrizes is a whole number from 0 (off) to {ProposalCriterion.MaxPrizes}.");
        }
        var actor = Actor.Of(user);
        var criterion = await db.ProposalCriteria.FindAsync(year) ?? db.ProposalCriteria.Add(new ProposalCriterion { Year = year }).Entity;
        criterion.MinimumPrizes = minimum;
        criterion.SetBy = actor.Id;
        criterion.SetAt = clock.GetUtcNow();
        db.Audit(actor, "proposal-criterion.set", "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), new { minimumPrizes = minimum }, year);
        if (await RecognitionRoutes.TrySaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(new CriterionView(year, criterion.MinimumPrizes, criterion.SetBy, criterion.SetAt));
    }

    private static string Reason(int accepted, int quota, int prizes, int minimumPrizes) =>
        $"Vượt chỉ tiêu: {accepted}/{quota} bài"
        + (minimumPrizes > 0 ? $"; có {prizes} bài đạt giải (tiêu chí: ít nhất {minimumPrizes})" : "");
}
