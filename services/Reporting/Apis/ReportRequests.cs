using System.Text;
using HoanKiem.Reporting.Documents;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace HoanKiem.Reporting.Apis;

/// <summary>The month every report call takes, checked the same way everywhere.</summary>
public static class ReportRequests
{
    /// <summary>The month as yyyymm (the default month when none is given), or a 400 problem.</summary>
    public static (int Month, ProblemHttpResult? Problem) CheckMonth(int year, string? month, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(month))
        {
            return (ContestCalendar.DefaultMonth(year, clock), null);
        }
        return ContestCalendar.ParseMonth(month) is { } parsed
            ? (parsed, null)
            : (0, Problems.Validation(new Dictionary<string, string[]> { ["month"] = ["month is a calendar month written YYYY-MM, e.g. 2019-03."] },
                "invalid_month", Messages.InvalidMonth));
    }

    /// <summary>The acceptable type the client prefers most; no Accept header means anything, so Markdown.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        IList<string> accept = [.. request.Headers.Accept.OfType<string>()];
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

    public static ProblemHttpResult NotAcceptable() =>
        Problems.Create(StatusCodes.Status406NotAcceptable, "not_acceptable", Messages.NotAcceptable(MarkdownWriter.MediaType, DocxWriter.MediaType));

    /// <summary>A document as the negotiated type, a Word file named <paramref name="fileName"/>.docx or Markdown text.</summary>
    public static Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult> Document(ReportDocument document, string mediaType, string fileName)
    {
        if (mediaType == DocxWriter.MediaType)
        {
            return TypedResults.File(DocxWriter.Write(document), DocxWriter.MediaType, $"{fileName}.docx");
        }
        return TypedResults.Text(MarkdownWriter.Write(document), MarkdownWriter.MediaType, Encoding.UTF8);
    }
}
