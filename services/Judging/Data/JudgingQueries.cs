using System.Security.Claims;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Data;

public static class JudgingQueries
{
    /// <summary>The year's panel as stored, or a new one with the contest's defaults (added, saved with the caller's change).</summary>
    public static async Task<JudgingYear> YearAsync(this JudgingDbContext db, int year)
    {
        if (await db.Years.FindAsync(year) is { } existing)
        {
            return existing;
        }
        return db.Years.Add(new JudgingYear { Year = year }).Entity;
    }

    /// <summary>The calling judge when they sit on this year's panel; null for anyone else, a judge taken off it included.</summary>
    public static async Task<Judge?> CallingJudgeAsync(this JudgingDbContext db, ClaimsPrincipal user, int year) =>
        Guid.TryParse(user.Caller().JudgeId, out var judgeId)
            ? await db.Judges.AsNoTracking().SingleOrDefaultAsync(j => j.Id == judgeId && j.Year == year && j.RemovedAt == null)
            : null;

    public static IQueryable<Entry> InJudging(this IQueryable<Entry> entries, int year) =>
        entries.Where(e => e.Year == year && e.Status == EntryStatus.Accepted);
}
