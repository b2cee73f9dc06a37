using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record ProposedUnitView(string UnitCode, string UnitName, int Quota, int Accepted, int Excess, string? CommendedBy);

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        app.MapYearGroup("/units", "Units").MapGet("/proposed", ListProposedUnits).WithSummary("List units proposed for commendation")
            .WithDescription("Units whose accepted entries exceed their quota, most excess first; commendedBy names the decision once one commended them. Paged.");
        return app;
    }

    /// <summary>
    /// Units whose accepted entries are strictly more than their quota (withdrawn entries do not count), most
    /// excess first, ready for a unit decision; <c>commendedBy</c> names the decision once one commended them.
    /// A unit without a quota for the year has no plan to exceed and is not proposed.
    /// </summary>
    public static async Task<Ok<Page<ProposedUnitView>>> ListProposedUnits(
        int year, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var accepted = await db.NomineeEntries.Where(e => e.Year == year && e.WithdrawnAt == null)
            .GroupBy(e => e.UnitCode).Select(g => new { UnitCode = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitCode, g => g.Count);
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.Year == year).ToListAsync();
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name);
        var commendedBy = await (from r in db.DecisionRecipients
                                 join d in db.Decisions on r.DecisionId equals d.Id
                                 where r.Year == year && r.UnitCode != null
                                 select new { r.UnitCode, d.Number }).ToDictionaryAsync(x => x.UnitCode!, x => x.Number);
        var proposed = quotas
            .Select(q => new ProposedUnitView(q.UnitCode, names.GetValueOrDefault(q.UnitCode, q.UnitCode), q.Target,
                accepted.GetValueOrDefault(q.UnitCode), accepted.GetValueOrDefault(q.UnitCode) - q.Target, commendedBy.GetValueOrDefault(q.UnitCode)))
            .Where(u => u.Accepted > u.Quota)
            .OrderByDescending(u => u.Excess).ThenBy(u => u.UnitCode, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(proposed.ToPage(paging));
    }
}
