using System.Security.Claims;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record JudgeLoadView(Guid JudgeId, string FullName, string? UnitCode, int Before, int After);
public sealed record AssignmentRun(int Entries, int NewlyAssigned, int Judges, int MinPerJudge, int MaxPerJudge, int AssignmentsCreated,
    bool DryRun, IReadOnlyList<JudgeLoadView> Loads)
{
    /// <summary>The panel once <paramref name="plan"/> is saved: entries with judges, those that got their first, and each judge's load before and after.</summary>
    public static AssignmentRun After(IReadOnlyList<JudgeLoad> judges, IReadOnlyDictionary<Guid, string> names, IReadOnlyList<EntryNeed> needs,
        AssignmentPlan plan, bool dryRun)
    {
        var planned = plan.Assignments.CountBy(p => p.JudgeId).ToDictionary();
        var loads = judges.Select(j => new JudgeLoadView(j.JudgeId, names.GetValueOrDefault(j.JudgeId, ""), j.UnitCode, j.Load,
            j.Load + planned.GetValueOrDefault(j.JudgeId))).ToList();
        var plannedEntries = plan.Assignments.Select(p => p.EntryId).ToHashSet();
        return new AssignmentRun(
            needs.Count(n => n.AssignedJudges.Count > 0 || plannedEntries.Contains(n.EntryId)),
            needs.Count(n => n.AssignedJudges.Count == 0 && plannedEntries.Contains(n.EntryId)),
            judges.Count,
            loads.Select(l => l.After).DefaultIfEmpty().Min(),
            loads.Select(l => l.After).DefaultIfEmpty().Max(),
            plan.Assignments.Count,
            dryRun,
            [.. loads.OrderBy(l => l.FullName, StringComparer.Ordinal).ThenBy(l => l.JudgeId)]);
    }
}

/// <summary>What a judge reads: the article and their own scores, never its author, unit or nominee.</summary>
public sealed record BlindAssignment(Guid EntryId, string Title, string Body, string Field, int WordCount, bool Scored,
    IReadOnlyDictionary<string, decimal>? Scores, string? Comment);

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var assignments = app.MapGroup("/api/judging/{year:int}/assignments").WithTags("Assignments").WithContestYear().WithIdempotency<JudgingDbContext>();
        assignments.MapPost("/", AssignEntries).WithSummary("Assign entries to judges")
            .WithDescription("Gives every accepted entry the judges it still lacks, never one from the entry's own unit, with loads within 1 of each other; existing assignments never move, so call again for entries that arrive later. allowUneven=true accepts loads further apart when no even assignment exists. dryRun=true answers what the call would do, each judge's load before and after included, and saves nothing.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        assignments.MapGet("/mine", MyAssignments).WithSummary("List my assigned entries")
            .WithDescription("The calling judge's entries: the article and whether it is scored, never its author, unit or nominee's contacts. Paged.")
            .RequireAuthorization(TokenAuthentication.JudgePolicy);
        return app;
    }

    /// <summary>
    /// Gives every entry in judging the judges it still lacks (all of them for a new entry, the difference when
    /// judgesPerEntry was raised). Existing assignments, scored or not, never move; see <see cref="AssignmentPlanner"/>.
    /// <c>allowUneven=true</c> is the secretariat's explicit choice to accept loads more than 1 apart when no even
    /// assignment exists (e.g. a judge added late, with too few late entries to catch up). <c>dryRun=true</c> plans
    /// the same way and saves nothing: the seed depends only on the year and the assignments so far, so confirming
    /// right after a preview makes exactly the assignments previewed.
    /// </summary>
    public static async Task<Results<Ok<AssignmentRun>, ProblemHttpResult>> AssignEntries(
        int year, bool? allowUneven, bool? dryRun, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock, JudgingMetrics metrics)
    {
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return SettingsApi.Finalized(year);
        }
        var (judges, needs, existing) = await WorkloadAsync(year, panel.JudgesPerEntry, db);
        var plan = AssignmentPlanner.Plan(judges, needs, seed: year * 7919 + existing, allowUneven == true);
        if (!plan.Feasible)
        {
            return Problems.Unprocessable("assignment_infeasible", plan.Problem!,
                [new("unfilled", plan.Unfilled), new("units", plan.ShortUnits)]);
        }
        var names = await db.Judges.AsNoTracking().Where(j => j.Year == year).ToDictionaryAsync(j => j.Id, j => j.FullName);
        if (dryRun == true)
        {
            return TypedResults.Ok(AssignmentRun.After(judges, names, needs, plan, dryRun: true));
        }

        var now = clock.GetUtcNow();
        db.Assignments.AddRange(plan.Assignments.Select(p => new Assignment
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            EntryId = p.EntryId,
            JudgeId = p.JudgeId,
            AssignedAt = now
        }));
        panel.Version = Guid.NewGuid();
        db.Audit(Actor.Of(user), "assignments.made", "judging-year", year.ToString(),
            new { assignments = plan.Assignments.Count, entries = plan.Assignments.Select(p => p.EntryId).Distinct().Count(), allowUneven = allowUneven == true }, year);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("assignment_in_progress", Messages.AssignmentInProgress);
        }

        metrics.AssignmentsCreated(plan.Assignments.Count);
        return TypedResults.Ok(AssignmentRun.After(judges, names, needs, plan, dryRun: false));
    }

    /// <summary>The panel's judges with their loads, the entries in judging with the judges they still lack, and the assignments so far.</summary>
    private static async Task<(List<JudgeLoad> Judges, List<EntryNeed> Needs, int Existing)> WorkloadAsync(int year, int judgesPerEntry, JudgingDbContext db)
    {
        var judges = await db.Judges.AsNoTracking().Where(j => j.Year == year).OrderBy(j => j.Id).Select(j => new { j.Id, j.UnitCode }).ToListAsync();
        var entries = await db.Entries.AsNoTracking().InJudging(year).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.UnitCode }).ToListAsync();
        var existing = await db.Assignments.AsNoTracking().Where(a => a.Year == year)
            .Select(a => new { a.EntryId, a.JudgeId }).ToListAsync();

        var judgesByEntry = existing.ToLookup(a => a.EntryId, a => a.JudgeId);
        var loads = existing.CountBy(a => a.JudgeId).ToDictionary();
        return (judges.Select(j => new JudgeLoad(j.Id, j.UnitCode, loads.GetValueOrDefault(j.Id))).ToList(),
            entries.Select(e => new EntryNeed(e.Id, e.UnitCode,
                Math.Max(0, judgesPerEntry - judgesByEntry[e.Id].Count()), judgesByEntry[e.Id].ToHashSet())).ToList(),
            existing.Count);
    }

    public static async Task<Results<Ok<Page<BlindAssignment>>, ProblemHttpResult>> MyAssignments(
        int year, [AsParameters] PageRequest paging, ClaimsPrincipal user, JudgingDbContext db)
    {
        if (await db.CallingJudgeAsync(user, year) is not { } judge)
        {
            return Problems.Forbidden(Messages.NotOnPanel);
        }
        var mine = from a in db.Assignments.AsNoTracking()
                   join e in db.Entries.AsNoTracking() on a.EntryId equals e.Id
                   where a.JudgeId == judge.Id && a.Year == year
                   select new { a, e };
        var total = await mine.CountAsync();
        var page = await mine.OrderBy(x => x.a.AssignedAt).ThenBy(x => x.a.EntryId).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<BlindAssignment>(page.Select(x => new BlindAssignment(
            x.e.Id, x.e.Title, x.e.Body, x.e.Field, x.e.WordCount, x.a.IsScored, x.a.Points, x.a.Comment)).ToList(), total));
    }
}
