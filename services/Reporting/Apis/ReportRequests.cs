using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
