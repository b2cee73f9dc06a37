namespace HoanKiem.Reporting.Models;

/// <summary>Recognition's figures for a year, as of the highest <see cref="Version"/> seen.</summary>
public sealed class RecognitionTotals
{
    public int Year { get; set; }
    public long Version { get; set; }
    public int NomineesIntroduced { get; set; }
    public int Verified { get; set; }
    public int Rejected { get; set; }
    public int Commended { get; set; }
    public int UnitsCommended { get; set; }
    public long TotalAmount { get; set; }
    public int CommendedByCity { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A unit named in a commendation decision.</summary>
public sealed class CommendedUnit
{
    public int Year { get; set; }
    public required string DecisionNumber { get; set; }
    public required string UnitCode { get; set; }
    public DateOnly SignedOn { get; set; }
}

/// <summary>A person a signed decision commends, named in the year-end report with the unit that introduced them.</summary>
public sealed class CommendedPerson
{
    public int Year { get; set; }
    public required string DecisionNumber { get; set; }
    public Guid NomineeId { get; set; }
    public required string FullName { get; set; }
    public required string UnitCode { get; set; }
}

/// <summary>One of the movement's own titles, counted by category in part one of the report.</summary>
public sealed class MovementTitle
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string Category { get; set; }
    public required string Name { get; set; }
    public string? UnitCode { get; set; }
    public long Amount { get; set; }
}

public static class TitleCategories
{
    public const string Individual = "individual";

    /// <summary>The categories in the order and words of the 2019 report's part one.</summary>
    public static readonly (string Code, string Name)[] InOrder =
    [
        ("cultural-residential-group", "Tổ dân phố văn hóa"),
        ("cultural-family", "Gia đình văn hóa"),
        ("collective", "Tập thể tiêu biểu"),
        (Individual, "Cá nhân tiêu biểu")
    ];
}
