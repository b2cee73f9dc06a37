using System.Text.Json;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.ServiceDefaults.Audit;

public sealed record AuditView(long Id, DateTimeOffset At, string ActorId, string? ActorName, string Action,
    string SubjectType, string SubjectId, int? Year, JsonElement Changes);

/// <summary><c>year</c> comes from the route where the prefix names it, else from the query string.</summary>
public sealed record AuditQuery(string? Actor, string? SubjectType, string? SubjectId, int? Year);

/// <summary>The secretariat's read of a service's audit trail, written once for every service.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app, string prefix) where TContext : ServiceDbContext
    {
        app.MapGet($"{prefix}/audit", ListAudit<TContext>).WithTags("Audit").WithName($"{typeof(TContext).Name}Audit")
            .WithSummary("Read the audit trail")
            .WithDescription("Every write of this service that touched a person, an account or money: who made it (the token's sub and name), when, what and to whom, oldest first, paged; actor, subjectType, subjectId and year narrow it. Secretariat only.")
            .WithContestYear().RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>
    /// Every audited write, oldest first; <c>actor</c> (an account id), <c>subjectType</c>, <c>subjectId</c> and <c>year</c>
    /// narrow it.
    /// </summary>
    public static async Task<Results<Ok<Page<AuditView>>, ProblemHttpResult>> ListAudit<TContext>(
        [AsParameters] AuditQuery query, [AsParameters] PageRequest paging, TContext db) where TContext : ServiceDbContext
    {
        if (query.Year is { } year && !ContestYear.IsValid(year))
        {
            return ContestYear.Invalid();
        }
        var records = db.AuditRecords.AsNoTracking();
        if (query.Actor?.Trim() is { Length: > 0 } actor)
        {
            records = records.Where(a => a.ActorId == actor);
        }
        if (query.SubjectType?.Trim() is { Length: > 0 } subjectType)
        {
            records = records.Where(a => a.SubjectType == subjectType);
        }
        if (query.SubjectId?.Trim() is { Length: > 0 } subjectId)
        {
            records = records.Where(a => a.SubjectId == subjectId);
        }
        if (query.Year is { } onlyYear)
        {
            records = records.Where(a => a.Year == onlyYear);
        }
        var total = await records.CountAsync();
        var page = await records.OrderBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<AuditView>(page.Select(View).ToList(), total));
    }

    private static AuditView View(AuditRecord a)
    {
        using var changes = JsonDocument.Parse(a.Changes);
        return new AuditView(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.SubjectType, a.SubjectId, a.Year, changes.RootElement.Clone());
    }
}
