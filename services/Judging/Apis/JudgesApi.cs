using System.Security.Claims;
using System.Security.Cryptography;
using HoanKiem.Judging.Data;
using HoanKiem.Judging.Models;
using HoanKiem.ServiceDefaults.Audit;
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
            .WithDescription("Adds a panel member for the year (optionally from a unit, whose entries they never judge) and returns their client credentials; the secret is shown in this answer only.")
            .WithSecretInAnswer();
        judges.MapGet("/", ListJudges).WithSummary("List judges")
            .WithDescription("The year's panel, paged.");
        // The judge replaces their own credential too, so these routes are open to any role and checked inside.
        var credential = app.MapGroup("/api/judging/{year:int}/judges/{id:guid}/credential").WithTags("Judges").WithContestYear()
            .WithIdempotency<JudgingDbContext>().RequireAuthorization();
        credential.MapPost("/", ReplaceJudgeCredential).WithSummary("Replace or reset a judge's credential")
            .WithDescription("The judge replaces their own secret: a generated one (shown in this answer only) or, with passphrase, one of their own of at least 12 characters. The secretariat resets it to a generated secret. The old secret stops working at once. 403 for another judge's.")
            .WithSecretInAnswer();
        credential.MapDelete("/", DisableJudgeCredential).WithSummary("Disable a judge's credential")
            .WithDescription("The judge's secret gets no more tokens; tokens already issued end within their 15 minutes. A reset enables it again with a new secret.")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Results<Created<JudgeCredentials>, ProblemHttpResult>> AddJudge(
        int year, AddJudgeRequest request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
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

        var now = clock.GetUtcNow();
        var (credential, secret) = Credential.Issue(now);
        var judge = new Judge
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            FullName = fullName,
            UnitCode = unitCode,
            // Random rather than derived from the id, whose leading digits are a timestamp.
            ClientId = $"judge-{year}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            Credential = credential,
            CreatedAt = now
        };
        db.Judges.Add(judge);
        db.Audit(Actor.Of(user), "judge.added", "judge", judge.Id.ToString(), new { fullName, unitCode }, year);
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

    /// <summary>The judge replaces their own secret (or chooses a passphrase); the secretariat resets it. No judge touches another's.</summary>
    public static async Task<Results<Ok<NewCredential>, ProblemHttpResult>> ReplaceJudgeCredential(
        int year, Guid id, CredentialRequest? request, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        var byOwner = !user.IsSecretariat();
        if (byOwner && user.Caller().JudgeId != id.ToString())
        {
            return Problems.Forbidden(Messages.NotOwnCredential);
        }
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return JudgeNotFound(year, id);
        }
        return await CredentialChanges.ReplaceAsync(db, user, judge.Credential, judge.ClientId, "judge", judge.Id.ToString(), request, byOwner, clock.GetUtcNow(), year);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableJudgeCredential(
        int year, Guid id, ClaimsPrincipal user, JudgingDbContext db, TimeProvider clock)
    {
        if (await db.Judges.SingleOrDefaultAsync(j => j.Year == year && j.Id == id) is not { } judge)
        {
            return JudgeNotFound(year, id);
        }
        return await CredentialChanges.DisableAsync(db, user, judge.Credential, judge.ClientId, "judge", judge.Id.ToString(), clock.GetUtcNow(), year);
    }

    private static ProblemHttpResult JudgeNotFound(int year, Guid id) => Problems.NotFound("judge_not_found", Messages.JudgeNotFound(id, year));
}
