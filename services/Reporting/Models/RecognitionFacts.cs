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
