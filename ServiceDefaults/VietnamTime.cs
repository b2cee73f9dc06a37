namespace HoanKiem.ServiceDefaults;

/// <summary>
/// The contest's calendar is Asia/Ho_Chi_Minh whatever the server's zone. Vietnam has kept UTC+7 without daylight
/// saving since 1975, so a fixed offset is that zone for every contest year, also where a slim container has no tzdata.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());

    /// <summary>The local calendar day of an instant.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>"ngày 06 tháng 12 năm 2019", as documents date themselves: days below 10 and the months January and February with a leading zero (Decree 30/2020).</summary>
    public static string WrittenDate(DateOnly date) =>
        $"ngày {date.Day:D2} tháng {(date.Month < 3 ? date.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))} năm {date.Year}";
}
