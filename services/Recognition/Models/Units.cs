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
