namespace HoanKiem.Recognition.Models;

/// <summary>
/// The figures last published for a year; <c>Version</c> grows by one with every change of a figure.
/// <c>Changes</c> counts the units of work that moved a figure, <c>PublishedChanges</c> how many of them the published
/// figures take in: while they differ, the year waits for the <c>YearTotalsPublisher</c>.
/// </summary>
public sealed class YearTotals
{
    public int Year { get; set; }
    public long Version { get; set; }
    public long Changes { get; set; }
    public long PublishedChanges { get; set; }
    public int NomineesIntroduced { get; set; }
    public int Verified { get; set; }
    public int Rejected { get; set; }
    public int Commended { get; set; }
    public int UnitsCommended { get; set; }
    public long TotalAmount { get; set; }
    public int CommendedByCity { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public void TakeFiguresOf(YearTotals other)
    {
        NomineesIntroduced = other.NomineesIntroduced;
        Verified = other.Verified;
        Rejected = other.Rejected;
        Commended = other.Commended;
        UnitsCommended = other.UnitsCommended;
        TotalAmount = other.TotalAmount;
        CommendedByCity = other.CommendedByCity;
    }

    public bool SameFiguresAs(YearTotals other) =>
        NomineesIntroduced == other.NomineesIntroduced && Verified == other.Verified && Rejected == other.Rejected
        && Commended == other.Commended && UnitsCommended == other.UnitsCommended && TotalAmount == other.TotalAmount
        && CommendedByCity == other.CommendedByCity;
}
