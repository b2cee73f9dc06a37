using HoanKiem.ServiceDefaults;

namespace HoanKiem.Reporting.Models;

/// <summary>The contest's months, in <see cref="VietnamTime"/>: a month ends at local midnight, whatever the server's zone.</summary>
public static class ContestCalendar
{
    /// <summary>The local month of an instant as yyyymm.</summary>
    public static int MonthOf(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return local.Year * 100 + local.Month;
    }

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
        var now = VietnamTime.Now(clock);
        var current = now.Year * 100 + now.Month;
        return Math.Clamp(current, year * 100 + 1, year * 100 + 12);
    }
}
