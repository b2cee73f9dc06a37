namespace HoanKiem.Recognition.Models;

/// <summary>A participating unit as the submission service registered it.</summary>
public sealed class Unit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
}

/// <summary>A unit's planned number of entries for a contest year.</summary>
public sealed class Quota
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Target { get; set; }
}

/// <summary>
/// The year's quality condition on top of the count for proposing units over quota (the seed commends units for
/// exceeding their quota and for good quality): at least this many prize-winning entries; 0 leaves it off.
/// </summary>
public sealed class ProposalCriterion
{
    public const int MaxPrizes = 100;

    public int Year { get; set; }
    public int MinimumPrizes { get; set; }
    public string? SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}
