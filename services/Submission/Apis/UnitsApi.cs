using System.Text.RegularExpressions;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Apis;

public sealed record RegisterUnitRequest(string? Code, string? Name, string? Kind);
public sealed record UnitCredentials(string Code, string Name, string Kind, string ClientId, [property: ShownOnce] string ClientSecret);
public sealed record UnitSummary(string Code, string Name, string Kind);

public static partial class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization().WithBodyLimit().WithIdempotency<SubmissionDbContext>();
        units.MapPost("/", RegisterUnit).WithSummary("Register a unit")
            .WithDescription("Creates a unit (code, Vietnamese name, kind: ward, department, school, association, enterprise or other) and its portal's client credentials; the secret is shown in this answer only. 409 unit_exists.")
            .WithExample(Examples.Unit)
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        units.MapGet("/", ListUnits).WithSummary("List units")
            .WithDescription("Every registered unit, by code, paged.");
        return app;
    }

    public static async Task<Results<Created<UnitCredentials>, ProblemHttpResult>> RegisterUnit(
        RegisterUnitRequest request, SubmissionDbContext db, TimeProvider clock)
    {
        var code = request.Code?.Trim().ToLowerInvariant() ?? "";
        var name = VietnameseText.Clean(request.Name) ?? "";
        var kind = request.Kind?.Trim().ToLowerInvariant() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!UnitCode().IsMatch(code))
        {
            errors["code"] = ["A unit code is 2 to 40 lower-case letters, digits or dashes, e.g. phuong-hang-gai."];
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
        if (await db.Units.AnyAsync(u => u.Code == code))
        {
            return Problems.Conflict("unit_exists", $"A unit with code '{code}' already exists.");
        }

        var secret = TokenAuthentication.NewSecret();
        var unit = new Unit
        {
            Code = code,
            Name = name,
            Kind = kind,
            ClientId = $"unit-{code}",
            SecretHash = TokenAuthentication.HashSecret(secret),
            RegisteredAt = clock.GetUtcNow()
        };
        db.Units.Add(unit);
        db.Publish(new UnitRegistered(unit.Code, unit.Name, unit.Kind, unit.RegisteredAt));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("unit_exists", $"A unit with code '{code}' already exists.");
        }
        return TypedResults.Created($"/api/units/{code}", new UnitCredentials(code, name, kind, unit.ClientId, secret));
    }

    public static async Task<Results<Ok<Page<UnitSummary>>, ProblemHttpResult>> ListUnits(
        [AsParameters] PageRequest paging, SubmissionDbContext db)
    {
        var total = await db.Units.CountAsync();
        var items = await db.Units.OrderBy(u => u.Code).Skip(paging.Skip).Take(paging.Size)
            .Select(u => new UnitSummary(u.Code, u.Name, u.Kind)).ToListAsync();
        return TypedResults.Ok(new Page<UnitSummary>(items, total));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex UnitCode();
}
