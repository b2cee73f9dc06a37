using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Documents;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public static class TalliesApi
{
    public static readonly string[] ExportHeader =
        ["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu", "Bài hợp lệ lũy kế", "Bài hợp lệ trong tháng", "Gửi trùng lặp", "Không đúng Thể lệ", "Đạt chỉ tiêu"];

    public static IEndpointRouteBuilder MapTalliesApi(this IEndpointRouteBuilder app)
    {
        var tallies = app.MapGroup("/api/reports/{year:int}").WithTags("Tallies").WithContestYear();
        tallies.MapGet("/tallies", GetTallies).WithSummary("Read the monthly tallies")
            .WithDescription("Public, no token: every unit's quota, accepted entries (in total and in the month), duplicates and refusals up to the end of month (yyyy-MM, Asia/Ho_Chi_Minh; default the current one). Paged.")
            .AllowAnonymous();
        tallies.MapGet("/tallies.csv", ExportCsv).WithSummary("Download the tallies as CSV")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        tallies.MapGet("/tallies.xlsx", ExportXlsx).WithSummary("Download the tallies as Excel")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        return app;
    }

    /// <summary>Public: every unit's tally up to the end of the month, as the secretariat publishes it to all units.</summary>
    public static async Task<Results<Ok<Page<UnitTally>>, ProblemHttpResult>> GetTallies(
        int year, string? month, [AsParameters] PageRequest paging, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = ReportRequests.CheckMonth(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(await db.TalliesAsync(year, monthKey, paging, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCsv(
        int year, string? month, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = ReportRequests.CheckMonth(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        var rows = await ExportRowsAsync(db, year, monthKey, cancellationToken);
        return CsvFile.Result(ExportHeader, rows, $"so-lieu-{ContestCalendar.FormatMonth(monthKey)}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportXlsx(
        int year, string? month, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = ReportRequests.CheckMonth(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        var rows = await ExportRowsAsync(db, year, monthKey, cancellationToken);
        var sheet = $"Tháng {monthKey % 100:D2}-{monthKey / 100}";
        return TypedResults.File(SpreadsheetWriter.Write(sheet, ExportHeader, rows), SpreadsheetWriter.MediaType,
            $"so-lieu-{ContestCalendar.FormatMonth(monthKey)}.xlsx");
    }

    private static async Task<List<IReadOnlyList<object>>> ExportRowsAsync(ReportingDbContext db, int year, int month, CancellationToken cancellationToken) =>
        [.. (await db.AllTalliesAsync(year, month, cancellationToken)).Select(t => (IReadOnlyList<object>)
            [t.UnitCode, t.UnitName, t.Quota, t.Accepted, t.AcceptedInMonth, t.Duplicates, t.Refused, t.QuotaMet ? "Có" : "Chưa"])];
}
