using System.Security.Claims;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
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

public sealed record DeclareConflictRequest(string? Reason);
/// <summary>What the judge learns of a declared conflict: the entry left them, never who took it.</summary>
public sealed record DeclaredConflict(Guid EntryId, string Reason, DateTimeOffset DeclaredAt);

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
        assignments.MapPost("/mine/{entryId:guid}/conflict", DeclareConflict).WithSummary("Declare a conflict on an assigned entry")
            .WithDescription("The calling judge says why they must not score an entry assigned to them (reason required): the entry leaves them and goes to another judge under the same rules, and they are never given it again. 403 when not assigned; 409 already_scored, judging_finalized.")
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
        var (judges, needs, existing) = await db.WorkloadAsync(year, panel.JudgesPerEntry);
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

    /// <summary>A judge's own conflict on an entry: recorded, so no later run gives it back, and the entry goes to another judge.</summary>
    public static async Task<Results<Ok<DeclaredConflict>, ProblemHttpResult>> DeclareConflict(
        int year, Guid entryId, DeclareConflictRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        if (JudgesApi.ReasonError(request.Reason) is { } reasonError)
        {
            return Problems.Validation("reason", reasonError);
        }
        await using var work = await db.BeginWriteAsync();
        var judge = await db.CallingJudgeAsync(user, year);
        var assignment = judge is null ? null
            : await db.Assignments.SingleOrDefaultAsync(a => a.Year == year && a.EntryId == entryId && a.JudgeId == judge.Id);
        if (assignment is null)
        {
            return Problems.Forbidden(Messages.NotAssigned);
        }
        var panel = await db.YearAsync(year);
        if (panel.IsFinalized)
        {
            return SettingsApi.Finalized(year);
        }
        if (assignment.IsScored)
        {
            return Problems.Conflict("already_scored", Messages.ConflictAlreadyScored);
        }
        var conflict = db.Conflicts.Add(new JudgeConflict
        {
            Id = Guid.CreateVersion7(), Year = year, JudgeId = judge!.Id, EntryId = entryId,
            Reason = VietnameseText.Clean(request.Reason)!, DeclaredBy = JudgeConflicts.ByJudge, RecordedAt = clock.GetUtcNow()
        }).Entity;
        var reassignment = await db.ReassignAsync(panel, [assignment], conflict.RecordedAt);
        db.Audit(Actor.Of(user), "judge.conflict-declared", "entry", entryId.ToString(),
            new { judgeId = judge.Id, judge.FullName, conflict.Reason, reassigned = reassignment.Reassigned, entriesShort = reassignment.EntriesShort.Count }, year);
        await db.SaveChangesAsync();
        await work.CommitAsync();
        return TypedResults.Ok(new DeclaredConflict(entryId, conflict.Reason, conflict.RecordedAt));
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
