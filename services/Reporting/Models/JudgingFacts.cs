namespace HoanKiem.Reporting.Models;

/// <summary>The latest finalisation of a year's judging; an older one arriving late is ignored.</summary>
public sealed class JudgingRound
{
    public int Year { get; set; }
    public DateTimeOffset FinalizedAt { get; set; }
}

public sealed class JudgedEntry
{
    public int Year { get; set; }
    public Guid EntryId { get; set; }
    public required string UnitCode { get; set; }
    public required string Title { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }
    public string? Prize { get; set; }
    public bool ForwardedToCity { get; set; }
}

/// <summary>The city's outcome for a forwarded entry (free text from the city, e.g. "Giải Ba"); the latest one counts.</summary>
public sealed class CityAward
{
    public int Year { get; set; }
    public Guid EntryId { get; set; }
    public required string UnitCode { get; set; }
    public required string Outcome { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public static class Prizes
{
    public const string First = "first";
    public const string Second = "second";
    public const string Third = "third";
    public const string Encouragement = "encouragement";

    public static readonly string[] InOrder = [First, Second, Third, Encouragement];
}
