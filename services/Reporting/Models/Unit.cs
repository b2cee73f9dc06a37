namespace HoanKiem.Reporting.Models;

/// <summary>
/// A registered unit's name. Only <c>UnitRegistered</c> writes it: a unit whose registration has not arrived yet is
/// still listed (under its code) from its quota or counts, so busy units' events never race to create the same row.
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
