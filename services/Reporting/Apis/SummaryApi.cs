using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{year:int}/summary", GetSummary).WithTags("Summary")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    public static async Task<Results<Ok<YearSummary>, ProblemHttpResult>> GetSummary(int year, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (ReportRequests.CheckYear(year) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok((await db.FiguresAsync(year, cancellationToken)).ToSummary());
    }
}
