using System.Security.Claims;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record NamingDecision(string Number, DateOnly SignedOn, string Form);
public sealed record UnitNomineeView(
    Guid Id, string FullName, string Ward, string Field, string Status, DateTimeOffset IntroducedAt, IReadOnlyList<NamingDecision> Decisions);

/// <summary>
/// A unit sees what became of the people it introduced, and the decisions that commend them: commendation made public
/// to those who proposed it. The secretariat's appraisal notes stay the secretariat's.
/// </summary>
public static class UnitNomineesApi
{
    public static IEndpointRouteBuilder MapUnitNomineesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/recognition/{year:int}/nominees").WithTags("Nominees").RequireAuthorization(p => p.RequireRole(Roles.Unit)).WithContestYear()
            .MapGet("/mine", ListMyNominees).WithSummary("List the people my unit introduced")
            .WithDescription("For a unit: each person its entries introduced this year, their status (proposed, verified, rejected, commended) and the decisions that commend them. Paged, newest first.");
        return app;
    }

    public static async Task<Ok<Page<UnitNomineeView>>> ListMyNominees(
        int year, [AsParameters] PageRequest paging, ClaimsPrincipal user, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var unitCode = user.Caller().UnitCode;
        var mine = db.Nominees.AsNoTracking().Where(n => n.Year == year && n.UnitCode == unitCode && n.Status != NomineeStatus.Withdrawn);
        var nominees = await mine.OrderByDescending(n => n.IntroducedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var ids = nominees.Select(n => (Guid?)n.Id).ToList();
        var decisions = await db.DecisionRecipients.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.NomineeId))
            .Join(db.Decisions, r => r.DecisionId, d => d.Id, (r, d) => new { r.NomineeId, d.Number, d.SignedOn, d.Form })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<UnitNomineeView>(
            [.. nominees.Select(n => new UnitNomineeView(n.Id, n.FullName, n.Ward, n.Field, n.Status, n.IntroducedAt,
                [.. decisions.Where(d => d.NomineeId == n.Id).OrderBy(d => d.SignedOn).Select(d => new NamingDecision(d.Number, d.SignedOn, d.Form))]))],
            await mine.CountAsync(cancellationToken)));
    }
}
