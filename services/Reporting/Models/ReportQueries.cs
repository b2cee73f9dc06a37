using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Reporting.Models;

public sealed record UnitTally(
    string UnitCode, string UnitName, int Quota, int Accepted, int AcceptedInMonth, int Duplicates, int Refused, bool QuotaMet);

public sealed record PrizeCounts(int First, int Second, int Third, int Encouragement);

public sealed record YearSummary(
    int EntriesAccepted,
    int DuplicateAttempts,
    int RefusedAttempts,
    PrizeCounts Prizes,
    int ForwardedToCity,
    int NomineesIntroduced,
    int NomineesCommended,
    int UnitsCommended,
    IReadOnlyList<string> UnitsOverQuota,
    IReadOnlyList<string> UnitsWithoutEntries,
    IReadOnlyList<string> UnitsSendingDuplicates,
    IReadOnlyList<string> UnitsBreakingRules,
    long TotalRewardAmount);

/// <summary>A unit's refused attempts under one rule code.</summary>
public sealed record RuleBreak(string UnitCode, string Code, int Count);

public sealed record CityAwardCount(string Outcome, int Count);

/// <summary>Everything the year's summary and the year-end report say, read from the facts in one go.</summary>
public sealed record YearFigures(
    int Year,
    Contest? Contest,
    IReadOnlyList<UnitTally> Units,
    int Judged,
    PrizeCounts Prizes,
    int ForwardedToCity,
    IReadOnlyList<CityAwardCount> CityAwards,
    RecognitionTotals? Recognition,
    IReadOnlyList<string> CommendedUnitCodes,
    IReadOnlyList<RuleBreak> RuleBreaks)
{
    public int EntriesAccepted => Units.Sum(u => u.Accepted);
    public int DuplicateAttempts => Units.Sum(u => u.Duplicates);
    public int RefusedAttempts => Units.Sum(u => u.Refused);

    /// <summary>Strictly more accepted entries than the quota: a unit exactly at its quota has met it, not exceeded it.</summary>
    public IEnumerable<UnitTally> OverQuota => Units.Where(u => u.Accepted > u.Quota);
    public IEnumerable<UnitTally> WithoutEntries => Units.Where(u => u.Accepted == 0);
    public IEnumerable<UnitTally> SendingDuplicates => Units.Where(u => u.Duplicates > 0);
    public IEnumerable<UnitTally> BreakingRules => Units.Where(u => u.Refused > 0);

    public YearSummary ToSummary() => new(
        EntriesAccepted, DuplicateAttempts, RefusedAttempts, Prizes, ForwardedToCity,
        Recognition?.NomineesIntroduced ?? 0, Recognition?.Commended ?? 0, CommendedUnitCodes.Count,
        [.. OverQuota.Select(u => u.UnitCode)], [.. WithoutEntries.Select(u => u.UnitCode)],
        [.. SendingDuplicates.Select(u => u.UnitCode)], [.. BreakingRules.Select(u => u.UnitCode)],
        Recognition?.TotalAmount ?? 0);
}

public static class ReportQueries
{
    /// <summary>Every unit's tally up to the end of <paramref name="month"/> (yyyymm), one page of units by code.</summary>
    public static async Task<Page<UnitTally>> TalliesAsync(this ReportingDbContext db, int year, int month, PageRequest paging, CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(db, year, cancellationToken);
        return new Page<UnitTally>(await TallyAsync(db, year, month, [.. units.Skip(paging.Skip).Take(paging.Size)], cancellationToken), units.Count);
    }

    /// <summary>Every unit's tally up to the end of <paramref name="month"/> (yyyymm), all units by code.</summary>
    public static async Task<IReadOnlyList<UnitTally>> AllTalliesAsync(this ReportingDbContext db, int year, int month, CancellationToken cancellationToken)
    {
        return await TallyAsync(db, year, month, await UnitsAsync(db, year, cancellationToken), cancellationToken);
    }

    public static async Task<YearFigures> FiguresAsync(this ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        var units = await db.AllTalliesAsync(year, int.MaxValue, cancellationToken);

        var prizes = await db.JudgedEntries.Where(r => r.Year == year).GroupBy(r => r.Prize)
            .Select(g => new { Prize = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int PrizeCount(string prize) => prizes.Where(p => p.Prize == prize).Sum(p => p.Count);
        var forwarded = await db.JudgedEntries.CountAsync(r => r.Year == year && r.ForwardedToCity, cancellationToken);

        var cityAwards = await db.CityAwards.Where(a => a.Year == year).GroupBy(a => a.Outcome)
            .Select(g => new CityAwardCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var recognition = await db.RecognitionTotals.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, cancellationToken);
        var commended = await db.CommendedUnits.Where(c => c.Year == year).Select(c => c.UnitCode).Distinct()
            .OrderBy(c => c).ToListAsync(cancellationToken);
        var ruleBreaks = await db.Refusals.Where(r => r.Year == year && r.Code != RefusalFact.DuplicateCode)
            .GroupBy(r => new { r.UnitCode, r.Code })
            .Select(g => new RuleBreak(g.Key.UnitCode, g.Key.Code, g.Count())).ToListAsync(cancellationToken);

        return new YearFigures(year, contest, units, prizes.Sum(p => p.Count),
            new PrizeCounts(PrizeCount(Prizes.First), PrizeCount(Prizes.Second), PrizeCount(Prizes.Third), PrizeCount(Prizes.Encouragement)),
            forwarded, [.. cityAwards.OrderByDescending(a => a.Count).ThenBy(a => a.Outcome, StringComparer.Ordinal)],
            recognition, commended,
            [.. ruleBreaks.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)]);
    }

    private sealed record UnitName(string Code, string Name);

    /// <summary>Every registered unit, and any unit the year's quotas or counts name before its registration arrives; by code.</summary>
    private static async Task<List<UnitName>> UnitsAsync(ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var registered = await db.Units.AsNoTracking().Select(u => new UnitName(u.Code, u.Name)).ToListAsync(cancellationToken);
        var named = await db.Quotas.Where(q => q.Year == year).Select(q => q.UnitCode)
            .Union(db.Tallies.Where(t => t.Year == year).Select(t => t.UnitCode))
            .ToListAsync(cancellationToken);
        var known = registered.Select(u => u.Code).ToHashSet();
        return [.. registered.Concat(named.Where(code => !known.Contains(code)).Select(code => new UnitName(code, code)))
            .OrderBy(u => u.Code, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<UnitTally>> TallyAsync(
        ReportingDbContext db, int year, int month, List<UnitName> units, CancellationToken cancellationToken)
    {
        var quotas = await db.Quotas.Where(q => q.Year == year).ToDictionaryAsync(q => q.UnitCode, q => q.Target, cancellationToken);
        var counts = await db.Tallies.Where(t => t.Year == year && t.Month <= month)
            .GroupBy(t => t.UnitCode)
            .Select(g => new
            {
                UnitCode = g.Key,
                Accepted = g.Sum(t => t.Received - t.Withdrawn),
                InMonth = g.Sum(t => t.Month == month ? t.Received - t.WithdrawnSameMonth : 0),
                Duplicates = g.Sum(t => t.Duplicates),
                Refused = g.Sum(t => t.Refused)
            })
            .ToDictionaryAsync(c => c.UnitCode, cancellationToken);
        return [.. units.Select(unit =>
        {
            var quota = quotas.GetValueOrDefault(unit.Code);
            counts.TryGetValue(unit.Code, out var count);
            var accepted = count?.Accepted ?? 0;
            return new UnitTally(unit.Code, unit.Name, quota, accepted, count?.InMonth ?? 0,
                count?.Duplicates ?? 0, count?.Refused ?? 0, accepted >= quota);
        })];
    }
}
