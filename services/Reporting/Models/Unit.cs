namespace HoanKiem.Reporting.Models;

/// <summary>
/// A participating unit as reporting knows it. A unit first named by an entry or a quota (its registration not yet
/// delivered) is kept with its code as name, so it is counted at once and named when <c>UnitRegistered</c> arrives.
/// </summary>
public sealed class Unit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Kind { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
}

public sealed class Contest
{
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public int MinWords { get; set; }
    public int MaxWords { get; set; }
}

public sealed class Quota
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Target { get; set; }
}
