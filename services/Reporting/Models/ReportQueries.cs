using HoanKiem.Contracts;
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
    long TotalRewardAmount,
    int NomineesCommendedByCity);

/// <summary>A unit's refused attempts under one rule code.</summary>
public sealed record RuleBreak(string UnitCode, string Code, int Count);

public sealed record CityAwardCount(string Outcome, int Count);

/// <summary>The movement's titles of one category: how many, and their money.</summary>
public sealed record TitleTotal(string Category, int Count, long Amount);

/// <summary>A prize-winning entry, named in the report by its title and unit.</summary>
public sealed record PrizeWinner(string Title, string UnitCode, string Prize, int Rank);

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
    IReadOnlyList<RuleBreak> RuleBreaks,
    IReadOnlyList<TitleTotal> Titles,
    IReadOnlyList<string> TitledIndividuals,
    IReadOnlyList<CommendedPerson> CommendedPeople,
    IReadOnlyList<PrizeWinner> PrizeWinners)
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
        Recognition?.TotalAmount ?? 0, Recognition?.CommendedByCity ?? 0);
}

public static class ReportQueries
{
    /// <summary>Every unit's tally up to the end of <paramref name="month"/> (yyyymm), one page of units by code.</summary>
    public static async Task<Page<UnitTally>> TalliesAsync(this ReportingDbContext db, int year, int month, PageRequest paging, CancellationToken cancellationToken)
    {
        var all = await db.AllTalliesAsync(year, month, cancellationToken);
        return new Page<UnitTally>([.. all.Skip(paging.Skip).Take(paging.Size)], all.Count);
    }

    /// <summary>
    /// Every unit's tally up to the end of <paramref name="month"/> (yyyymm), by code: every registered unit, and any
    /// unit the year's quotas or counts name before its registration has arrived (listed under its code).
    /// A year has a few hundred counter rows whatever the number of entries, so they are summed here in one pass.
    /// </summary>
    public static async Task<IReadOnlyList<UnitTally>> AllTalliesAsync(this ReportingDbContext db, int year, int month, CancellationToken cancellationToken)
    {
        var names = await db.NamesInYearAsync(year, cancellationToken);
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.Year == year).ToDictionaryAsync(q => q.UnitCode, q => q.Target, cancellationToken);
        var cells = await db.Tallies.AsNoTracking().Where(t => t.Year == year && t.Month <= month).ToListAsync(cancellationToken);

        var counts = new Dictionary<string, (int Accepted, int InMonth, int Duplicates, int Refused)>();
        foreach (var cell in cells)
        {
            var count = counts.GetValueOrDefault(cell.UnitCode);
            counts[cell.UnitCode] = (
                count.Accepted + cell.Received - cell.Withdrawn,
                count.InMonth + (cell.Month == month ? cell.Received - cell.WithdrawnSameMonth : 0),
                count.Duplicates + cell.Duplicates,
                count.Refused + cell.Refused);
        }
        return [.. names.Keys.Union(quotas.Keys).Union(counts.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            var quota = quotas.GetValueOrDefault(code);
            var count = counts.GetValueOrDefault(code);
            return new UnitTally(code, names.GetValueOrDefault(code, code), quota, count.Accepted, count.InMonth,
                count.Duplicates, count.Refused, count.Accepted >= quota);
        })];
    }

    /// <summary>
    /// Every unit's name as it was called at the end of <paramref name="year"/>: its name now, or the name it had
    /// before the first dated renaming that came after the year.
    /// </summary>
    public static async Task<Dictionary<string, string>> NamesInYearAsync(this ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var yearEnd = new DateOnly(year, 12, 31);
        var later = await db.UnitNameChanges.AsNoTracking().Where(c => c.EffectiveOn > yearEnd).ToListAsync(cancellationToken);
        foreach (var first in later.GroupBy(c => c.Code).Select(g => g.MinBy(c => c.EffectiveOn)!))
        {
            names[first.Code] = first.FormerName;
        }
        return names;
    }

    public static async Task<DocumentSettings> SettingsAsync(this ReportingDbContext db, int year, CancellationToken cancellationToken) =>
        await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, cancellationToken)
            ?? DocumentSettings.DefaultFor(year, await db.OrganiserAsync(year, cancellationToken));

    /// <summary>The year's organiser as submission published it; the district for a year it has not (yet) named one.</summary>
    public static async Task<ContestOrganiser> OrganiserAsync(this ReportingDbContext db, int year, CancellationToken cancellationToken) =>
        (await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, cancellationToken))?.Organiser ?? ContestOrganiser.HoanKiemDistrict;

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

        var titles = await db.MovementTitles.Where(t => t.Year == year).GroupBy(t => t.Category)
            .Select(g => new TitleTotal(g.Key, g.Count(), g.Sum(t => t.Amount))).ToListAsync(cancellationToken);
        var individuals = await db.MovementTitles.Where(t => t.Year == year && t.Category == TitleCategories.Individual)
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        var people = await db.CommendedPeople.AsNoTracking().Where(p => p.Year == year).ToListAsync(cancellationToken);
        var winners = await db.JudgedEntries.Where(r => r.Year == year && r.Prize != null).OrderBy(r => r.Rank)
            .Select(r => new PrizeWinner(r.Title, r.UnitCode, r.Prize!, r.Rank)).ToListAsync(cancellationToken);

        return new YearFigures(year, contest, units, prizes.Sum(p => p.Count),
            new PrizeCounts(PrizeCount(Prizes.First), PrizeCount(Prizes.Second), PrizeCount(Prizes.Third), PrizeCount(Prizes.Encouragement)),
            forwarded, [.. cityAwards.OrderByDescending(a => a.Count).ThenBy(a => a.Outcome, StringComparer.Ordinal)],
            recognition, commended,
            [.. ruleBreaks.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)],
            titles, individuals, [.. people.DistinctBy(p => p.NomineeId).OrderBy(p => p.FullName, StringComparer.Ordinal)], winners);
    }
}
