using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Data;

/// <summary>The panel's judges with their loads, the entries in judging with the judges they still lack, and the assignments so far.</summary>
public sealed record Workload(List<JudgeLoad> Judges, List<EntryNeed> Needs, int Existing);

/// <summary>What a change to the panel did to the work: assignments that left their judge, given to others, evened out, and entries left short.</summary>
public sealed record Reassignment(int Left, int Reassigned, int EvenedOut, IReadOnlyList<Guid> EntriesShort, int MinPerJudge, int MaxPerJudge);

public static class PanelWork
{
    /// <summary>
    /// The planner's view of a year. Judges taken off the panel get no work, though their kept scores still count for
    /// their entries; a judge's recorded conflicts (a unit, an entry) bar them from the entries they cover.
    /// </summary>
    public static async Task<Workload> WorkloadAsync(this JudgingDbContext db, int year, int judgesPerEntry)
    {
        var judges = await db.Judges.AsNoTracking().Where(j => j.Year == year && j.RemovedAt == null).OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.UnitCode }).ToListAsync();
        var entries = await db.Entries.AsNoTracking().InJudging(year).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.UnitCode }).ToListAsync();
        var existing = await db.Assignments.AsNoTracking().Where(a => a.Year == year)
            .Select(a => new { a.EntryId, a.JudgeId }).ToListAsync();
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.Year == year).ToListAsync();

        var judgesByEntry = existing.ToLookup(a => a.EntryId, a => a.JudgeId);
        var loads = existing.CountBy(a => a.JudgeId).ToDictionary();
        return new(judges.Select(j => new JudgeLoad(j.Id, j.UnitCode, loads.GetValueOrDefault(j.Id))).ToList(),
            entries.Select(e => new EntryNeed(e.Id, e.UnitCode,
                Math.Max(0, judgesPerEntry - judgesByEntry[e.Id].Count()), judgesByEntry[e.Id].ToHashSet(),
                conflicts.Where(c => c.EntryId == e.Id || (c.UnitCode is not null && UnitCodes.Same(c.UnitCode, e.UnitCode)))
                    .Select(c => c.JudgeId).ToHashSet())).ToList(),
            existing.Count);
    }

    /// <summary>
    /// Takes <paramref name="leaving"/> off their judges and gives their entries to the judges left under the planner's
    /// rules: loads within 1 when any assignment can keep them so, else as even as possible, since the work has to leave
    /// either way. Entries no judge free of conflict can take stay short (finalisation waits for them), and unscored work
    /// then moves from the busiest judges to the least busy where that evens loads out (a replacement judge fills up
    /// first this way). Runs inside the caller's unit of work; the caller audits and commits.
    /// </summary>
    public static async Task<Reassignment> ReassignAsync(this JudgingDbContext db, JudgingYear panel, IReadOnlyCollection<Assignment> leaving, DateTimeOffset now,
        Guid? replacement = null)
    {
        db.Assignments.RemoveRange(leaving);
        panel.Version = Guid.NewGuid();
        await db.SaveChangesAsync();

        var work = await db.WorkloadAsync(panel.Year, panel.JudgesPerEntry);
        var affected = leaving.Select(a => a.EntryId).ToHashSet();
        var needs = work.Needs.Where(n => affected.Contains(n.EntryId) && n.Needed > 0).ToList();
        var coverable = needs.Where(n => work.Judges.Count(n.Accepts) >= n.Needed).ToList();
        var (judges, rest, first) = ReplacementFirst(work.Judges, coverable, replacement);
        var seed = panel.Year * 7919 + work.Existing;
        var plan = AssignmentPlanner.Plan(judges, rest, seed);
        if (!plan.Feasible)
        {
            plan = AssignmentPlanner.Plan(judges, rest, seed, allowUneven: true);
        }
        db.Assignments.AddRange(first.Concat(plan.Assignments).Select(p => new Assignment
        {
            Id = Guid.CreateVersion7(), Year = panel.Year, EntryId = p.EntryId, JudgeId = p.JudgeId, AssignedAt = now
        }));
        await db.SaveChangesAsync();

        work = await db.WorkloadAsync(panel.Year, panel.JudgesPerEntry);
        var onPanel = work.Judges.Select(j => j.JudgeId).ToHashSet();
        var needsById = work.Needs.ToDictionary(n => n.EntryId);
        var unscored = await db.Assignments.Where(a => a.Year == panel.Year && a.ScoredAt == null).ToListAsync();
        var movable = unscored.Where(a => onPanel.Contains(a.JudgeId) && needsById.ContainsKey(a.EntryId))
            .Select(a => new MovableAssignment(needsById[a.EntryId], a.JudgeId)).ToList();
        var moves = AssignmentPlanner.Rebalance(work.Judges, movable);
        foreach (var move in moves)
        {
            var assignment = unscored.Single(a => a.EntryId == move.EntryId && a.JudgeId == move.FromJudgeId);
            assignment.JudgeId = move.ToJudgeId;
            assignment.AssignedAt = now;
            // One at a time: a later move may give a judge an entry an earlier one took them off.
            await db.SaveChangesAsync();
        }

        var loads = work.Judges.ToDictionary(j => j.JudgeId, j => j.Load);
        foreach (var move in moves)
        {
            loads[move.FromJudgeId]--;
            loads[move.ToJudgeId]++;
        }
        return new Reassignment(leaving.Count, first.Count + plan.Assignments.Count, moves.Count,
            needs.Except(coverable).Select(n => n.EntryId).ToList(),
            loads.Values.DefaultIfEmpty().Min(), loads.Values.DefaultIfEmpty().Max());
    }

    /// <summary>
    /// A replacement judge takes the leaving judge's entries first, as many as they accept up to the highest load an even
    /// panel allows; the planner then shares out what is left among everyone.
    /// </summary>
    private static (List<JudgeLoad> Judges, List<EntryNeed> Remaining, List<PlannedAssignment> First) ReplacementFirst(
        List<JudgeLoad> judges, List<EntryNeed> needs, Guid? replacementId)
    {
        if (judges.FirstOrDefault(j => j.JudgeId == replacementId) is not { } replacement)
        {
            return (judges, needs, []);
        }
        var total = judges.Sum(j => j.Load) + needs.Sum(n => n.Needed);
        var highest = (total + judges.Count - 1) / judges.Count;
        var taken = needs.Where(n => n.Needed > 0 && n.Accepts(replacement)).Take(Math.Max(0, highest - replacement.Load)).Select(n => n.EntryId).ToHashSet();
        return (
            [.. judges.Select(j => j == replacement ? j with { Load = j.Load + taken.Count } : j)],
            [.. needs.Select(n => taken.Contains(n.EntryId) ? n with { Needed = n.Needed - 1, AssignedJudges = new HashSet<Guid>(n.AssignedJudges) { replacement.JudgeId } } : n)],
            [.. taken.Select(entryId => new PlannedAssignment(entryId, replacement.JudgeId))]);
    }
}
