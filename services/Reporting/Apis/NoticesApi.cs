using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Documents;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public static class NoticesApi
{
    public static readonly string[] RemindersHeader = ["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu", "Bài trong tháng", "Bài lũy kế", "Lý do nhắc"];

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/reports/{year:int}").WithTags("Monthly notices").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy);
        notices.MapGet("/notices/{month}", GetNotice).WithSummary("Download a month's notice to the units")
            .WithDescription("Every unit's count for the month (yyyy-MM, within the year) and the year so far against its quota, the units that sent nothing named, and a reminder; with the year's letterhead and signature. Markdown (the default) or Word by the Accept header.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), MarkdownWriter.MediaType, DocxWriter.MediaType);
        notices.MapGet("/reminders", GetReminders).WithSummary("List the units to remind for a month")
            .WithDescription("Units with a quota that sent nothing in the month (yyyy-MM; default the current one), those with nothing all year first; reason nothing_this_year or nothing_this_month.");
        notices.MapGet("/reminders.csv", ExportReminders).WithSummary("Download the units to remind as CSV")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");
        return app;
    }

    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetNotice(
        int year, string month, HttpRequest request, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = CheckMonthOfYear(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        if (ReportRequests.Negotiate(request) is not { } mediaType)
        {
            return ReportRequests.NotAcceptable();
        }
        var contest = await db.Contests.FindAsync([year], cancellationToken);
        var notice = MonthlyNotice.Build(monthKey, contest, await db.AllTalliesAsync(year, monthKey, cancellationToken),
            await db.SettingsAsync(year, cancellationToken), MonthlyNotice.IssuedOn(monthKey, VietnamTime.Date(clock.GetUtcNow())));
        return ReportRequests.Document(notice, mediaType, $"thong-bao-thang-{ContestCalendar.FormatMonth(monthKey)}");
    }

    public static async Task<Results<Ok<IReadOnlyList<Reminder>>, ProblemHttpResult>> GetReminders(
        int year, string? month, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = CheckMonthOfYear(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(MonthlyNotice.Reminders(await db.AllTalliesAsync(year, monthKey, cancellationToken)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportReminders(
        int year, string? month, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (monthKey, problem) = CheckMonthOfYear(year, month, clock);
        if (problem is not null)
        {
            return problem;
        }
        var rows = MonthlyNotice.Reminders(await db.AllTalliesAsync(year, monthKey, cancellationToken)).Select(r => (IReadOnlyList<object>)
            [r.UnitCode, r.UnitName, r.Quota, r.AcceptedInMonth, r.Accepted,
                r.Reason == Reminder.NothingThisYear ? "Chưa gửi bài nào từ đầu năm" : "Không gửi bài trong tháng"]);
        return CsvFile.Result(RemindersHeader, [.. rows], $"don-vi-can-nhac-{ContestCalendar.FormatMonth(monthKey)}.csv");
    }

    /// <summary>A notice is about a month of its own contest year.</summary>
    private static (int Month, ProblemHttpResult? Problem) CheckMonthOfYear(int year, string? month, TimeProvider clock)
    {
        var (monthKey, problem) = ReportRequests.CheckMonth(year, month, clock);
        if (problem is null && monthKey / 100 != year)
        {
            return (0, Problems.Validation(new Dictionary<string, string[]> { ["month"] = [$"month is a month of {year}, written {year}-MM."] },
                "invalid_month", Messages.InvalidMonth));
        }
        return (monthKey, problem);
    }
}
