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

public sealed record RegisterUnitRequest(string? Code, string? Name, string? Kind);
public sealed record UpdateUnitRequest(string? Name, bool? Active);
public sealed record UnitCredentials(string Code, string Name, string Kind, string ClientId, [property: ShownOnce] string ClientSecret);
public sealed record UnitSummary(string Code, string Name, string Kind, bool Active);

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization().WithBodyLimit().WithIdempotency<SubmissionDbContext>();
        units.MapPost("/", RegisterUnit).WithSummary("Register a unit")
            .WithDescription("Creates a unit (code, Vietnamese name, kind: ward, department, school, association, enterprise or other) and its portal's client credentials; the secret is shown in this answer only. 409 unit_exists.")
            .WithExample(Examples.Unit)
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithSecretInAnswer();
        units.MapGet("/", ListUnits).WithSummary("List units")
            .WithDescription("Every registered unit, by code, paged.");
        units.MapPatch("/{code}", UpdateUnit).WithSummary("Rename or deactivate a unit")
            .WithDescription("Changes a unit's name or whether it is active; a deactivated unit cannot get a token or submit, its history stays.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        units.MapPost("/{code}/credential", ReplaceUnitCredential).WithSummary("Replace or reset a unit's credential")
            .WithDescription("The unit replaces its own secret: a generated one (shown in this answer only) or, with passphrase, one of its own of at least 12 characters. The secretariat resets it to a generated secret. The old secret stops working at once. 403 for another unit's.")
            .RequireAuthorization(TokenAuthentication.UnitOrSecretariatPolicy).WithSecretInAnswer();
        units.MapDelete("/{code}/credential", DisableUnitCredential).WithSummary("Disable a unit's credential")
            .WithDescription("The unit's secret gets no more tokens; tokens already issued end within their 15 minutes. A reset enables it again with a new secret.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Results<Created<UnitCredentials>, ProblemHttpResult>> RegisterUnit(
        RegisterUnitRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        var code = request.Code?.Trim() ?? "";
        var name = VietnameseText.Clean(request.Name) ?? "";
        var kind = request.Kind?.Trim().ToLowerInvariant() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!UnitCodes.IsValid(code))
        {
            errors["code"] = ["A unit code is 2 to 40 letters, digits or dashes, e.g. phuong-hang-gai."];
        }
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["A unit name has 1 to 200 characters."];
        }
        if (!Unit.Kinds.Contains(kind))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", Unit.Kinds)}."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        if (await db.UnitAsync(code) is { } existing)
        {
            return Problems.Conflict("unit_exists", Messages.UnitExists(existing.Code));
        }

        var registeredAt = clock.GetUtcNow();
        var (credential, secret) = Credential.Issue(registeredAt);
        var unit = new Unit
        {
            Code = code,
            Name = name,
            Kind = kind,
            // From the code in lower case: the unique client id also keeps two registrations racing with codes
            // that differ only in case from both being stored.
            ClientId = $"unit-{UnitCodes.Key(code)}",
            Credential = credential,
            RegisteredAt = registeredAt
        };
        db.Units.Add(unit);
        db.Audit(Actor.Of(user), "unit.registered", "unit", code, new { name, kind });
        db.Publish(new UnitRegistered(unit.Code, unit.Name, unit.Kind, unit.RegisteredAt));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("unit_exists", Messages.UnitExists(code));
        }
        return TypedResults.Created($"/api/units/{code}", new UnitCredentials(code, name, kind, unit.ClientId, secret));
    }

    public static async Task<Ok<Page<UnitSummary>>> ListUnits(
        [AsParameters] PageRequest paging, SubmissionDbContext db)
    {
        var total = await db.Units.CountAsync();
        var items = await db.Units.OrderBy(u => u.Code).Skip(paging.Skip).Take(paging.Size)
            .Select(u => new UnitSummary(u.Code, u.Name, u.Kind, u.DeactivatedAt == null)).ToListAsync();
        return TypedResults.Ok(new Page<UnitSummary>(items, total));
    }

    /// <summary>
    /// Renames a unit or (de)activates it. A deactivated unit gets no token and cannot submit; its entries, quotas and
    /// refusals stay and keep counting in every report.
    /// </summary>
    public static async Task<Results<Ok<UnitSummary>, ProblemHttpResult>> UpdateUnit(
        string code, UpdateUnitRequest request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        var name = request.Name is null ? null : VietnameseText.Clean(request.Name) ?? "";
        if (request.Name is null && request.Active is null)
        {
            return Problems.Validation("name", "Give name, active or both.");
        }
        if (name is { Length: 0 or > 200 })
        {
            return Problems.Validation("name", "A unit name has 1 to 200 characters.");
        }
        var unit = await db.UnitAsync(code);
        if (unit is null)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(code.Trim()));
        }
        var now = clock.GetUtcNow();
        db.Audit(Actor.Of(user), "unit.updated", "unit", unit.Code, new { from = new { unit.Name, unit.Active }, to = new { name, request.Active } });
        if (name is not null && name != unit.Name)
        {
            unit.Name = name;
            db.Publish(new UnitRenamed(unit.Code, name, now));
        }
        if (request.Active is { } active && active != unit.Active)
        {
            unit.DeactivatedAt = active ? null : now;
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(new UnitSummary(unit.Code, unit.Name, unit.Kind, unit.Active));
    }

    /// <summary>The unit replaces its own secret (or chooses a passphrase); the secretariat resets it. No unit touches another's.</summary>
    public static async Task<Results<Ok<NewCredential>, ProblemHttpResult>> ReplaceUnitCredential(
        string code, CredentialRequest? request, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        var byOwner = !user.IsSecretariat();
        if (byOwner && !UnitCodes.Same(user.Caller().UnitCode, code))
        {
            return Problems.Forbidden(Messages.NotOwnCredential);
        }
        if (await db.UnitAsync(code) is not { } unit)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(code.Trim()));
        }
        return await CredentialChanges.ReplaceAsync(db, user, unit.Credential, unit.ClientId, "unit", unit.Code, request, byOwner, clock.GetUtcNow());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableUnitCredential(
        string code, ClaimsPrincipal user, SubmissionDbContext db, TimeProvider clock)
    {
        if (await db.UnitAsync(code) is not { } unit)
        {
            return Problems.NotFound("unit_not_found", Messages.UnitNotFound(code.Trim()));
        }
        return await CredentialChanges.DisableAsync(db, user, unit.Credential, unit.ClientId, "unit", unit.Code, clock.GetUtcNow());
    }
}
