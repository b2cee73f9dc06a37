using System.Security.Claims;
using System.Text.Json.Serialization;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record RefusalListQuery(string? UnitCode, string? Code);
public sealed record RefusalView(
    Guid Id, string UnitCode, string Code, DateTimeOffset AttemptedAt, string Title, string Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DuplicateOf? DuplicateOf,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Similarity);
/// <summary>The original a duplicate repeats, with its text, for the secretariat to set the two side by side.</summary>
public sealed record OriginalView(Guid Id, string UnitCode, string Title, string Body, string Status, DateTimeOffset ReceivedAt);
public sealed record RefusalDetail(
    Guid Id, string UnitCode, string Code, DateTimeOffset AttemptedAt, string Title, string Body, string Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Similarity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OriginalView? Original);

/// <summary>The attempts refused at the door (rules broken and repeated articles), so a unit sees what it must fix.</summary>
public static class RefusalsApi
{
    public static readonly string[] Codes =
    [
        "contest_closed", "invalid_field", "missing_author_info", "missing_nominee_info", "nominee_outside_district",
        "word_count_out_of_range", "duplicate_entry"
    ];

    public static IEndpointRouteBuilder MapRefusalsApi(this IEndpointRouteBuilder app)
    {
        var refusals = app.MapGroup("/api/contests/{year:int}/refusals").WithTags("Refusals").WithContestYear();
        refusals.MapGet("/", ListRefusals).WithSummary("List refused attempts")
            .WithDescription("The attempts refused at the door, oldest first: a unit sees its own, the secretariat everyone's or one unit's with unitCode; code narrows to one refusal code. A duplicate names the original's unit only to the secretariat and to the unit that sent the original. Paged.")
            .RequireAuthorization(TokenAuthentication.UnitOrSecretariatPolicy);
        refusals.MapGet("/{id:guid}", GetRefusal).WithSummary("Read a refused attempt with its text")
            .WithDescription("The secretariat only: the attempt's title and body as sent and, for a duplicate, the original's, to read side by side. 404 refusal_not_found.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>
    /// A unit's own refused attempts, or for the secretariat everyone's, oldest first; a duplicate names the original's
    /// unit only to the secretariat and to the unit that sent the original.
    /// </summary>
    public static async Task<Results<Ok<Page<RefusalView>>, ProblemHttpResult>> ListRefusals(
        int year, [AsParameters] RefusalListQuery query, [AsParameters] PageRequest paging, ClaimsPrincipal user, SubmissionDbContext db)
    {
        var code = query.Code?.Trim().ToLowerInvariant();
        if (code is { Length: > 0 } && !Codes.Contains(code))
        {
            return Problems.Validation("code", $"code is one of {string.Join(", ", Codes)}.");
        }
        var caller = user.Caller();
        var unitCode = query.UnitCode?.Trim();
        if (!user.IsSecretariat())
        {
            if (unitCode is { Length: > 0 } && !UnitCodes.Same(unitCode, caller.UnitCode))
            {
                return Problems.Forbidden(Messages.SeesOnlyItself);
            }
            unitCode = caller.UnitCode;
        }
        if (!await db.Contests.AnyAsync(c => c.Year == year))
        {
            return Problems.NotFound("contest_not_found", Messages.ContestNotFound(year));
        }

        var attempts = db.RefusedAttempts.AsNoTracking().Where(a => a.Year == year);
        if (unitCode is { Length: > 0 })
        {
            var key = UnitCodes.Key(unitCode);
            attempts = attempts.Where(a => a.UnitCode.ToLower() == key);
        }
        if (code is { Length: > 0 })
        {
            attempts = attempts.Where(a => a.Code == code);
        }
        var total = await attempts.CountAsync();
        var rows = await (from a in attempts
                          join e in db.Entries.AsNoTracking() on a.DuplicateOfEntryId equals (Guid?)e.Id into originals
                          from original in originals.DefaultIfEmpty()
                          orderby a.AttemptedAt, a.Id
                          select new { Attempt = a, OriginalReceivedAt = original == null ? (DateTimeOffset?)null : original.ReceivedAt })
            .Skip(paging.Skip).Take(paging.Size).ToListAsync();
        var items = rows.Select(r =>
        {
            var a = r.Attempt;
            var duplicateOf = a.DuplicateOfEntryId is { } originalId && r.OriginalReceivedAt is { } receivedAt
                ? new DuplicateOf(originalId,
                    user.IsSecretariat() || UnitCodes.Same(a.DuplicateOfUnitCode, caller.UnitCode) ? a.DuplicateOfUnitCode : null, receivedAt)
                : null;
            return new RefusalView(a.Id, a.UnitCode, a.Code, a.AttemptedAt, a.Title, a.Explanation, duplicateOf, a.Similarity);
        }).ToList();
        return TypedResults.Ok(new Page<RefusalView>(items, total));
    }

    /// <summary>Units never read this: an attempt's text and its original's are another unit's writing.</summary>
    public static async Task<Results<Ok<RefusalDetail>, ProblemHttpResult>> GetRefusal(int year, Guid id, SubmissionDbContext db)
    {
        var attempt = await db.RefusedAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Year == year && a.Id == id);
        if (attempt is null)
        {
            return Problems.NotFound("refusal_not_found", Messages.RefusalNotFound(id, year));
        }
        var original = attempt.DuplicateOfEntryId is { } originalId
            ? await db.Entries.AsNoTracking().Where(e => e.Id == originalId)
                .Select(e => new OriginalView(e.Id, e.UnitCode, e.Title, e.Body, e.Status, e.ReceivedAt)).SingleOrDefaultAsync()
            : null;
        return TypedResults.Ok(new RefusalDetail(attempt.Id, attempt.UnitCode, attempt.Code, attempt.AttemptedAt, attempt.Title, attempt.Body,
            attempt.Explanation, attempt.Similarity, original));
    }
}
