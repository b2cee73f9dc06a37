namespace HoanKiem.Reporting.Models;

/// <summary>The contest's calendar is Asia/Ho_Chi_Minh: a month ends at local midnight, whatever the server's zone.</summary>
public static class ContestCalendar
{
    public static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The local month of an instant as yyyymm.</summary>
    public static int MonthOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return local.Year * 100 + local.Month;
    }

    public static DateTimeOffset LocalNow(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Parses "YYYY-MM" into yyyymm; null when it is not a month.</summary>
    public static int? ParseMonth(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, null, out var month)
            || year < 1900 || month is < 1 or > 12)
        {
            return null;
        }
        return year * 100 + month;
    }

    public static string FormatMonth(int month) => $"{month / 100:D4}-{month % 100:D2}";

    /// <summary>
    /// The month a tally shows when none is asked for: the current local month during the contest year,
    /// its last month once the year is over, its first before it starts.
    /// </summary>
    public static int DefaultMonth(int year, TimeProvider clock)
    {
        var now = LocalNow(clock);
        var current = now.Year * 100 + now.Month;
        return Math.Clamp(current, year * 100 + 1, year * 100 + 12);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Slim containers ship without tzdata; Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Asia/Ho_Chi_Minh", "ICT");
        }
    }
}
