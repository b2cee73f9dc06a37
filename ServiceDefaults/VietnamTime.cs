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
}
