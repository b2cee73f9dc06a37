using System.Security.Cryptography;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Judging.Apis;

public sealed record AddJudgeRequest(string? FullName, string? UnitCode);
public sealed record JudgeCredentials(Guid Id, string FullName, string? UnitCode, string ClientId, [property: ShownOnce] string ClientSecret);
public sealed record JudgeSummary(Guid Id, string FullName, string? UnitCode, string ClientId);

public static class JudgesApi
{
    public static IEndpointRouteBuilder MapJudgesApi(this IEndpointRouteBuilder app)
    {
        var judges = app.MapGroup("/api/judging/{year:int}/judges").WithTags("Judges").WithContestYear().WithIdempotency<JudgingDbContext>()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        judges.MapPost("/", AddJudge).WithSummary("Add a judge")
            .WithDescription("Adds a panel member for the year (optionally from a unit, whose entries they never judge) and returns their client credentials; the secret is shown in this answer only.");
        judges.MapGet("/", ListJudges).WithSummary("List judges")
            .WithDescription("The year's panel, paged.");
        return app;
    }

    public static async Task<Results<Created<JudgeCredentials>, ProblemHttpResult>> AddJudge(
        int year, AddJudgeRequest request, JudgingDbContext db, TimeProvider clock)
    {
        var fullName = VietnameseText.Clean(request.FullName) ?? "";
        var unitCode = request.UnitCode?.Trim() is { Length: > 0 } code ? code : null;
        var errors = new Dictionary<string, string[]>();
        if (fullName.Length is 0 or > 200)
        {
            errors["fullName"] = ["A judge's full name has 1 to 200 characters."];
        }
        if (unitCode is not null && !UnitCodes.IsValid(unitCode))
        {
            errors["unitCode"] = ["A unit code is 2 to 40 letters, digits or dashes, e.g. phuong-hang-gai."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        if (unitCode is not null)
        {
            // Spelled as registered once the unit's registration has arrived; the planner compares codes without case anyway.
            var key = UnitCodes.Key(unitCode);
            unitCode = await db.Units.Where(u => u.Code.ToLower() == key).Select(u => u.Code).FirstOrDefaultAsync() ?? unitCode;
        }

        var secret = TokenAuthentication.NewSecret();
        var judge = new Judge
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            FullName = fullName,
            UnitCode = unitCode,
            // Random rather than derived from the id, whose leading digits are a timestamp.
            ClientId = $"judge-{year}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            SecretHash = TokenAuthentication.HashSecret(secret),
            CreatedAt = clock.GetUtcNow()
        };
        db.Judges.Add(judge);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/judging/{year}/judges/{judge.Id}",
            new JudgeCredentials(judge.Id, judge.FullName, judge.UnitCode, judge.ClientId, secret));
    }

    public static async Task<Ok<Page<JudgeSummary>>> ListJudges(
        int year, [AsParameters] PageRequest paging, JudgingDbContext db)
    {
        var judges = db.Judges.AsNoTracking().Where(j => j.Year == year);
        var total = await judges.CountAsync();
        var items = await judges.OrderBy(j => j.FullName).ThenBy(j => j.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(j => new JudgeSummary(j.Id, j.FullName, j.UnitCode, j.ClientId)).ToListAsync();
        return TypedResults.Ok(new Page<JudgeSummary>(items, total));
    }
}
