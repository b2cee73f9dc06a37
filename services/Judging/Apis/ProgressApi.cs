using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record ProgressSummary(
    int Entries, int EntriesAssigned, int EntriesFullyScored, int Assignments, int Scored, int Judges, int JudgesWithUnscoredWork, bool Finalized,
    DateTimeOffset? ScoringDeadline, IReadOnlyList<JudgeProgress> JudgesBehind);
public sealed record JudgeProgress(Guid JudgeId, string FullName, string? UnitCode, int Assigned, int Scored, int Unscored);
public sealed record EntryProgress(Guid EntryId, string Title, string UnitCode, int Assigned, int Scored);
public sealed record JudgeProgressQuery(bool? UnscoredOnly);
public sealed record EntryProgressQuery(bool? IncompleteOnly);

/// <summary>The secretariat's view of the panel's work: who has scored what, and who still has entries to score.</summary>
public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var progress = app.MapGroup("/api/judging/{year:int}/progress").WithTags("Progress").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        progress.MapGet("/", Summary).WithName("GetProgress").WithSummary("Read judging progress")
            .WithDescription("The year's counts: entries in judging, assigned and fully scored; assignments and those scored; judges, and those with work left; whether the results are final; the scoring deadline and, once it has passed and until the results are final, the judges still behind with their unscored counts (most behind first).");
        progress.MapGet("/judges", ByJudge).WithName("GetProgressByJudge").WithSummary("Read progress by judge")
            .WithDescription("Per judge: entries assigned, scored and left; unscoredOnly=true lists only judges with work left. Paged.");
        progress.MapGet("/entries", ByEntry).WithName("GetProgressByEntry").WithSummary("Read progress by entry")
            .WithDescription("Per entry: judges assigned and scores received; incompleteOnly=true lists only entries still missing scores. Paged.");
        return app;
    }

    public static async Task<Results<Ok<ProgressSummary>, ProblemHttpResult>> Summary(int year, JudgingDbContext db, TimeProvider clock)
    {
        var entries = await EntryCounts(year, db);
        var judges = await JudgeCounts(year, db);
        var panel = await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year);
        var finalized = panel?.IsFinalized == true;
        var deadline = panel?.ScoringDeadline;
        var behind = deadline <= clock.GetUtcNow() && !finalized
            ? judges.Where(j => j.Unscored > 0).OrderByDescending(j => j.Unscored).ThenBy(j => j.FullName).ThenBy(j => j.JudgeId).ToList()
            : [];
        return TypedResults.Ok(new ProgressSummary(
            entries.Count,
            entries.Count(e => e.Assigned > 0),
            entries.Count(e => e.Assigned > 0 && e.Scored == e.Assigned),
            entries.Sum(e => e.Assigned),
            entries.Sum(e => e.Scored),
            judges.Count,
            judges.Count(j => j.Unscored > 0),
            finalized,
            deadline,
            behind));
    }

    public static async Task<Ok<Page<JudgeProgress>>> ByJudge(
        int year, [AsParameters] JudgeProgressQuery query, [AsParameters] PageRequest paging, JudgingDbContext db)
    {
        var judges = await JudgeCounts(year, db);
        return TypedResults.Ok(judges.Where(j => query.UnscoredOnly != true || j.Unscored > 0)
            .OrderByDescending(j => j.Unscored).ThenBy(j => j.FullName).ThenBy(j => j.JudgeId).ToList().ToPage(paging));
    }

    public static async Task<Ok<Page<EntryProgress>>> ByEntry(
        int year, [AsParameters] EntryProgressQuery query, [AsParameters] PageRequest paging, JudgingDbContext db)
    {
        var entries = await EntryCounts(year, db);
        return TypedResults.Ok(entries.Where(e => query.IncompleteOnly != true || e.Assigned == 0 || e.Scored < e.Assigned)
            .OrderBy(e => e.Scored - e.Assigned).ThenBy(e => e.EntryId).ToList().ToPage(paging));
    }

    private static async Task<List<JudgeProgress>> JudgeCounts(int year, JudgingDbContext db)
    {
        var judges = await db.Judges.AsNoTracking().Where(j => j.Year == year && j.RemovedAt == null).Select(j => new { j.Id, j.FullName, j.UnitCode }).ToListAsync();
        var counts = await db.Assignments.AsNoTracking().Where(a => a.Year == year)
            .GroupBy(a => a.JudgeId)
            .Select(g => new { JudgeId = g.Key, Assigned = g.Count(), Scored = g.Count(a => a.ScoredAt != null) })
            .ToDictionaryAsync(c => c.JudgeId);
        return judges.Select(j => counts.TryGetValue(j.Id, out var c)
            ? new JudgeProgress(j.Id, j.FullName, j.UnitCode, c.Assigned, c.Scored, c.Assigned - c.Scored)
            : new JudgeProgress(j.Id, j.FullName, j.UnitCode, 0, 0, 0)).ToList();
    }

    private static async Task<List<EntryProgress>> EntryCounts(int year, JudgingDbContext db)
    {
        var entries = await db.Entries.AsNoTracking().InJudging(year).Select(e => new { e.Id, e.Title, e.UnitCode }).ToListAsync();
        var counts = await db.Assignments.AsNoTracking().Where(a => a.Year == year)
            .GroupBy(a => a.EntryId)
            .Select(g => new { EntryId = g.Key, Assigned = g.Count(), Scored = g.Count(a => a.ScoredAt != null) })
            .ToDictionaryAsync(c => c.EntryId);
        return entries.Select(e => counts.TryGetValue(e.Id, out var c)
            ? new EntryProgress(e.Id, e.Title, e.UnitCode, c.Assigned, c.Scored)
            : new EntryProgress(e.Id, e.Title, e.UnitCode, 0, 0)).ToList();
    }
}
