using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Reporting.Apis;

/// <summary><c>from</c> and <c>to</c> are contest years (default: the first and last years with a contest).</summary>
public sealed record UnitYearsQuery(int? From, int? To);

/// <summary>Who organised a year: the district until 1 July 2025, a ward after.</summary>
public sealed record YearOrganiser(int Year, string Organiser, string Level, string AreaName);

/// <summary>A unit's figures in one year, its predecessors' included.</summary>
public sealed record UnitYear(int Year, int Quota, int Accepted, int Prizes, int UnitCommendations, int PeopleCommended);

/// <summary>
/// A unit as it is now, with the units merged into it (whose figures it carries) and, for a unit that was split, the
/// units it went into (its past stays its own, as it cannot be divided).
/// </summary>
public sealed record UnitAcrossYears(string UnitCode, string UnitName, IReadOnlyList<string> Predecessors, IReadOnlyList<string> SplitInto, IReadOnlyList<UnitYear> Years);

public sealed record UnitYearsPage(IReadOnlyList<YearOrganiser> Years, IReadOnlyList<UnitAcrossYears> Items, int Total);

public static class UnitYearsApi
{
    public const int MaxYears = 50;

    public static IEndpointRouteBuilder MapUnitYearsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/units", GetUnitYears).WithSummary("Read the movement's figures across years per unit")
            .WithDescription("For every unit as it is now, each year's quota, accepted entries, prizes, unit commendations and people commended, from=YYYY to=YYYY (at most 50 years; default every contest year). A unit merged into another counts towards it in every year; a unit split keeps its past and names the units it went into; a renamed unit keeps its code. years names each year's organiser, so the figures read across the 2025 reorganisation. Paged by unit.")
            .WithTags("Units across years")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Results<Ok<UnitYearsPage>, ProblemHttpResult>> GetUnitYears(
        [AsParameters] UnitYearsQuery query, [AsParameters] PageRequest paging, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var contests = await db.Contests.AsNoTracking().OrderBy(c => c.Year).ToListAsync(cancellationToken);
        var from = query.From ?? contests.FirstOrDefault()?.Year ?? 0;
        var to = query.To ?? contests.LastOrDefault()?.Year ?? 0;
        if (contests.Count == 0 && query.From is null && query.To is null)
        {
            return TypedResults.Ok(new UnitYearsPage([], [], 0));
        }
        if (!ContestYear.IsValid(from) || !ContestYear.IsValid(to) || to < from || to - from >= MaxYears)
        {
            return Problems.Validation("to", $"from and to are contest years ({ContestYear.Min}–{ContestYear.Max}), from ≤ to, at most {MaxYears} years.");
        }

        var quotas = await db.Quotas.AsNoTracking().Where(q => q.Year >= from && q.Year <= to)
            .Select(q => new { q.Year, q.UnitCode, q.Target }).ToListAsync(cancellationToken);
        var accepted = await db.Tallies.AsNoTracking().Where(t => t.Year >= from && t.Year <= to)
            .GroupBy(t => new { t.Year, t.UnitCode }).Select(g => new { g.Key.Year, g.Key.UnitCode, Count = g.Sum(t => t.Received - t.Withdrawn) })
            .ToListAsync(cancellationToken);
        var prizes = await db.JudgedEntries.AsNoTracking().Where(r => r.Year >= from && r.Year <= to && r.Prize != null)
            .GroupBy(r => new { r.Year, r.UnitCode }).Select(g => new { g.Key.Year, g.Key.UnitCode, Count = g.Count() }).ToListAsync(cancellationToken);
        var units = await db.CommendedUnits.AsNoTracking().Where(c => c.Year >= from && c.Year <= to)
            .GroupBy(c => new { c.Year, c.UnitCode }).Select(g => new { g.Key.Year, g.Key.UnitCode, Count = g.Count() }).ToListAsync(cancellationToken);
        var people = await db.CommendedPeople.AsNoTracking().Where(p => p.Year >= from && p.Year <= to)
            .GroupBy(p => new { p.Year, p.UnitCode }).Select(g => new { g.Key.Year, g.Key.UnitCode, Count = g.Count() }).ToListAsync(cancellationToken);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var successions = await db.UnitSuccessions.AsNoTracking().ToListAsync(cancellationToken);

        var mergedInto = successions.Where(s => s.Kind == UnitSuccession.Merged).ToDictionary(s => s.PredecessorCode, s => s.SuccessorCode);
        string Root(string code)
        {
            var seen = new HashSet<string>();
            while (mergedInto.TryGetValue(code, out var next) && seen.Add(code))
            {
                code = next;
            }
            return code;
        }

        var cells = new Dictionary<(string Unit, int Year), UnitYear>();
        void Add(string code, int year, int quota = 0, int count = 0, int prize = 0, int unit = 0, int person = 0)
        {
            var key = (Root(code), year);
            var cell = cells.GetValueOrDefault(key) ?? new UnitYear(year, 0, 0, 0, 0, 0);
            cells[key] = cell with
            {
                Quota = cell.Quota + quota, Accepted = cell.Accepted + count, Prizes = cell.Prizes + prize,
                UnitCommendations = cell.UnitCommendations + unit, PeopleCommended = cell.PeopleCommended + person
            };
        }
        quotas.ForEach(q => Add(q.UnitCode, q.Year, quota: q.Target));
        accepted.ForEach(a => Add(a.UnitCode, a.Year, count: a.Count));
        prizes.ForEach(p => Add(p.UnitCode, p.Year, prize: p.Count));
        units.ForEach(u => Add(u.UnitCode, u.Year, unit: u.Count));
        people.ForEach(p => Add(p.UnitCode, p.Year, person: p.Count));

        var roots = names.Keys.Concat(cells.Keys.Select(k => k.Unit)).Select(Root).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = contests.Where(c => c.Year >= from && c.Year <= to)
            .Select(c => new YearOrganiser(c.Year, c.Organiser.Name, c.Organiser.Level, c.Organiser.AreaName)).ToList();
        var items = roots.Skip(paging.Skip).Take(paging.Size).Select(root => new UnitAcrossYears(
            root, names.GetValueOrDefault(root, root),
            [.. mergedInto.Keys.Where(code => code != root && Root(code) == root).Order(StringComparer.Ordinal)],
            [.. successions.Where(s => s.Kind == UnitSuccession.Split && s.PredecessorCode == root).Select(s => s.SuccessorCode).Order(StringComparer.Ordinal)],
            [.. cells.Where(c => c.Key.Unit == root).Select(c => c.Value).OrderBy(c => c.Year)])).ToList();
        return TypedResults.Ok(new UnitYearsPage(years, items, roots.Count));
    }
}
