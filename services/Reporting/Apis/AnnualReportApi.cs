using System.Text;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Documents;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

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
        int year, HttpRequest request, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (Negotiate([.. request.Headers.Accept.OfType<string>()]) is not { } mediaType)
        {
            return Problems.Create(StatusCodes.Status406NotAcceptable, "not_acceptable", Messages.NotAcceptable(MarkdownWriter.MediaType, DocxWriter.MediaType));
        }
        var report = AnnualReport.Build(await db.FiguresAsync(year, cancellationToken));
        return mediaType == DocxWriter.MediaType
            ? TypedResults.File(DocxWriter.Write(report), DocxWriter.MediaType, $"bao-cao-cuoc-thi-{year}.docx")
            : TypedResults.Text(MarkdownWriter.Write(report), MarkdownWriter.MediaType, Encoding.UTF8);
    }

    /// <summary>The acceptable type the client prefers most; no Accept header means anything, so Markdown.</summary>
    public static string? Negotiate(IList<string> accept)
    {
        if (accept.Count == 0)
        {
            return MarkdownWriter.MediaType;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }
        return ranges
            .Where(r => (r.Quality ?? 1) > 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => r.MediaType.Value?.ToLowerInvariant() switch
            {
                MarkdownWriter.MediaType or "text/*" or "*/*" => MarkdownWriter.MediaType,
                DocxWriter.MediaType or "application/*" => DocxWriter.MediaType,
                _ => null
            })
            .FirstOrDefault(m => m is not null);
    }
}
