using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{year:int}/summary", GetSummary).WithSummary("Read the year's summary")
            .WithDescription("The whole contest year across every unit: entries, refusals, prizes, nominees, commendations, money, and the units over quota, without entries, sending duplicates or breaking rules. Follows the other services' events.")
            .WithTags("Summary").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Ok<YearSummary>> GetSummary(int year, ReportingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.FiguresAsync(year, cancellationToken)).ToSummary());
}
