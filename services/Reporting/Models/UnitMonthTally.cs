namespace HoanKiem.Reporting.Models;

/// <summary>
/// One unit's counts for one Asia/Ho_Chi_Minh calendar month of a contest year (<see cref="Month"/> is yyyymm).
/// A month's tally "up to its end" is the sum of this row and the earlier ones, so a query reads a few hundred rows
/// however many entries there are.
/// </summary>
public sealed class UnitMonthTally
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Month { get; set; }

    /// <summary>Entries received this month (withdrawn or not).</summary>
    public int Received { get; set; }

    /// <summary>Entries withdrawn this month, whenever they were received.</summary>
    public int Withdrawn { get; set; }

    /// <summary>Entries received this month and withdrawn before it ended: not "accepted in the month".</summary>
    public int WithdrawnSameMonth { get; set; }

    public int Duplicates { get; set; }
    public int Refused { get; set; }
}

/// <summary>A change to one month's counters, applied as an atomic increment with the facts behind it.</summary>
public sealed record TallyChange(
    int Year, string UnitCode, int Month,
    int Received = 0, int Withdrawn = 0, int WithdrawnSameMonth = 0, int Duplicates = 0, int Refused = 0)
{
    public TallyChange Negate() => this with
    {
        Received = -Received, Withdrawn = -Withdrawn, WithdrawnSameMonth = -WithdrawnSameMonth,
        Duplicates = -Duplicates, Refused = -Refused
    };

    public bool IsEmpty => Received == 0 && Withdrawn == 0 && WithdrawnSameMonth == 0 && Duplicates == 0 && Refused == 0;

    public static IEnumerable<TallyChange> Combine(IEnumerable<TallyChange> changes) =>
        changes.GroupBy(c => (c.Year, c.UnitCode, c.Month))
            .Select(g => new TallyChange(g.Key.Year, g.Key.UnitCode, g.Key.Month,
                g.Sum(c => c.Received), g.Sum(c => c.Withdrawn), g.Sum(c => c.WithdrawnSameMonth),
                g.Sum(c => c.Duplicates), g.Sum(c => c.Refused)))
            .Where(c => !c.IsEmpty);
}
