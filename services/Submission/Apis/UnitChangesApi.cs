using System.Security.Claims;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

/// <summary><c>kind</c> renamed (with <c>name</c>), merged (into one code) or split (into two or more).</summary>
public sealed record UnitChangeRequest(string? Kind, DateOnly? EffectiveOn, string? Name, IReadOnlyList<string>? Into);
public sealed record UnitChangeView(
    Guid Id, string UnitCode, string Kind, DateOnly EffectiveOn, string? FormerName, string? Name, IReadOnlyList<string> Into,
    string RecordedBy, DateTimeOffset RecordedAt);
/// <summary>A unit's own changes, and the changes by which other units became (part of) it.</summary>
public sealed record UnitHistoryView(string Code, string Name, bool Active, IReadOnlyList<UnitChangeView> Changes, IReadOnlyList<UnitChangeView> Predecessors);

/// <summary>
/// Units change as local government does: a school renamed, residential groups merged, an association split. The code
/// an entry, quota or prize was recorded under stays; the change says where its figures go from then on.
/// </summary>
public static class UnitChangesApi
{
    public static IEndpointRouteBuilder MapUnitChangesApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/api/units/{code}/changes").WithTags("Units")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithBodyLimit().WithIdempotency<SubmissionDbContext>();
        changes.MapPost("/", RecordUnitChange).WithSummary("Record a unit's renaming, merger or split")
            .WithDescription("kind renamed with name (the unit keeps its code; years before effectiveOn keep the old name in reports), merged with into: [one code] or split with into: [two or more codes] (the receiving units registered first; the unit is deactivated, everything it sent stays under its code and a merged unit's figures count towards the one it joined). 404 unit_not_found; 409 unit_already_succeeded; 422 successor_inactive.");
        changes.MapGet("/", GetUnitHistory).WithSummary("Read a unit's changes")
            .WithDescription("The unit's own renamings, merger or split, and those of the units that went into it, oldest first.");
        return app;
    }

    public static async Task<Results<Created<UnitChangeView>, ProblemHttpResult>> RecordUnitChange(
        string code, UnitChangeRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kind = request.Kind?.Trim().ToLowerInvariant() ?? "";
        var name = VietnameseText.Clean(request.Name) ?? "";
        var into = (request.Into ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new Dictionary<string, string[]>();
        if (!UnitChange.Kinds.Contains(kind))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", UnitChange.Kinds)}."];
        }
        if (request.EffectiveOn is null)
        {
            errors["effectiveOn"] = ["effectiveOn is the day the change took effect, YYYY-MM-DD."];
        }
        if (kind == UnitChange.Renamed && name.Length is 0 or > 200)
        {
            errors["name"] = ["A renaming gives the new name, 1 to 200 characters."];
        }
        if ((kind == UnitChange.Merged && into.Count != 1) || (kind == UnitChange.Split && into.Count < 2)
            || into.Any(c => UnitCodes.Same(c, code)) || (kind == UnitChange.Renamed && into.Count > 0))
        {
            errors["into"] = ["A merger names the one unit it went into, a split two or more, never the unit itself; a renaming none."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        await using var work = await db.BeginWriteAsync(cancellationToken);
        if (await db.UnitAsync(code, cancellationToken) is not { } unit)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(code.Trim()));
        }
        if (await db.UnitChanges.Where(c => c.UnitCode == unit.Code && c.Kind != UnitChange.Renamed).FirstOrDefaultAsync(cancellationToken) is { } ended)
        {
            return Problems.Conflict("unit_already_succeeded", Messages.UnitAlreadySucceeded(unit.Code, ended.Kind, ended.EffectiveOn));
        }
        var keys = into.Select(UnitCodes.Key).ToList();
        var successors = await db.Units.Where(u => keys.Contains(u.Code.ToLower())).ToListAsync(cancellationToken);
        if (successors.Count < into.Count)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitsNotFound(into.Where(c => !successors.Any(u => UnitCodes.Same(u.Code, c)))));
        }
        if (successors.Where(u => !u.Active).Select(u => u.Code).ToList() is { Count: > 0 } inactive)
        {
            return Problems.Unprocessable("successor_inactive", Messages.SuccessorInactive(inactive));
        }

        var now = clock.GetUtcNow();
        var effectiveOn = request.EffectiveOn!.Value;
        var change = new UnitChange
        {
            Id = Guid.CreateVersion7(),
            UnitCode = unit.Code,
            Kind = kind,
            EffectiveOn = effectiveOn,
            FormerName = unit.Name,
            Name = kind == UnitChange.Renamed ? name : null,
            IntoCodes = [.. into.Select(c => successors.First(u => UnitCodes.Same(u.Code, c)).Code)],
            RecordedBy = user.Caller().ClientId,
            RecordedAt = now
        };
        db.UnitChanges.Add(change);
        db.Audit(Actor.Of(user), $"unit.{kind}", "unit", unit.Code, new { effectiveOn, from = unit.Name, name = change.Name, into = change.IntoCodes });
        switch (kind)
        {
            case UnitChange.Renamed:
                unit.Name = name;
                db.Publish(new UnitRenamed(unit.Code, name, now, effectiveOn));
                break;
            case UnitChange.Merged:
                unit.DeactivatedAt ??= now;
                db.Publish(new UnitMerged(unit.Code, change.IntoCodes[0], effectiveOn, now));
                break;
            default:
                unit.DeactivatedAt ??= now;
                db.Publish(new UnitSplit(unit.Code, change.IntoCodes, effectiveOn, now));
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/units/{unit.Code}/changes", ToView(change));
    }

    public static async Task<Results<Ok<UnitHistoryView>, ProblemHttpResult>> GetUnitHistory(string code, SubmissionDbContext db, CancellationToken cancellationToken)
    {
        if (await db.UnitAsync(code, cancellationToken) is not { } unit)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(code.Trim()));
        }
        // A few changes per unit in a lifetime: read them all rather than query inside the list of codes.
        var all = await db.UnitChanges.AsNoTracking().OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new UnitHistoryView(unit.Code, unit.Name, unit.Active,
            [.. all.Where(c => c.UnitCode == unit.Code).Select(ToView)],
            [.. all.Where(c => c.IntoCodes.Contains(unit.Code)).Select(ToView)]));
    }

    private static UnitChangeView ToView(UnitChange c) =>
        new(c.Id, c.UnitCode, c.Kind, c.EffectiveOn, c.FormerName, c.Name, c.IntoCodes, c.RecordedBy, c.RecordedAt);
}
