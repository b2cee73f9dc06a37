using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Documents;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public static class AnnualReportApi
{
    public static IEndpointRouteBuilder MapAnnualReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{year:int}/annual", GetAnnualReport).WithSummary("Download the year-end report")
            .WithDescription("The report in Vietnamese, as Markdown (Accept: text/markdown, the default) or a Word document (Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document). 406 not_acceptable otherwise.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/markdown", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .WithTags("Annual report").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>The year-end report as Markdown (the default) or as a Word document, by the Accept header.</summary>
    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetAnnualReport(
        int year, HttpRequest request, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReportRequests.Negotiate(request) is not { } mediaType)
        {
            return ReportRequests.NotAcceptable();
        }
        var report = AnnualReport.Build(await db.FiguresAsync(year, cancellationToken), await db.SettingsAsync(year, cancellationToken), VietnamTime.Date(clock.GetUtcNow()));
        return ReportRequests.Document(report, mediaType, $"bao-cao-cuoc-thi-{year}");
    }
}
