using System.Text.Json;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string SubjectType, string SubjectId, JsonElement Changes);
public sealed record AuditQuery(string? SubjectId);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapYearGroup("/audit", "Audit").MapGet("/", ListAudit).WithSummary("Read the audit trail")
            .WithDescription("Every write of the year that touched a person or recipient, oldest first; subjectId narrows it to one nominee, unit, entry or title. Paged.");
        return app;
    }

    /// <summary>Every write of the year that touched a person or recipient, oldest first; <c>subjectId</c> narrows it to one nominee, unit, entry or title.</summary>
    public static async Task<Ok<Page<AuditView>>> ListAudit(int year, [AsParameters] AuditQuery query, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var records = db.AuditRecords.AsNoTracking().Where(a => a.Year == year);
        if (query.SubjectId?.Trim() is { Length: > 0 } subject)
        {
            records = records.Where(a => a.SubjectId == subject);
        }
        var total = await records.CountAsync();
        var page = await records.OrderBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<AuditView>(
            page.Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.SubjectType, a.SubjectId, JsonDocument.Parse(a.Changes).RootElement.Clone())).ToList(),
            total));
    }
}
