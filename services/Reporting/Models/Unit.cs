using HoanKiem.Contracts;

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

    /// <summary>Who organises the year, as submission published it; null for a year configured before organisers were recorded.</summary>
    public string? OrganiserName { get; set; }
    public string? OrganiserLevel { get; set; }
    public string? AreaName { get; set; }
    public string? SignerTitle { get; set; }

    public ContestOrganiser Organiser => OrganiserName is { } name
        ? new(name, OrganiserLevel ?? ContestOrganiser.Other, AreaName ?? name, SignerTitle ?? ContestOrganiser.HoanKiemDistrict.SignerTitle)
        : ContestOrganiser.HoanKiemDistrict;
}

/// <summary>A dated renaming: years ending before <c>EffectiveOn</c> name the unit by <c>FormerName</c>.</summary>
public sealed class UnitNameChange
{
    public required string Code { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public required string FormerName { get; set; }
    public required string Name { get; set; }
}

/// <summary>A unit that went into another: all of it (merged) or a part (split).</summary>
public sealed class UnitSuccession
{
    public const string Merged = "merged";
    public const string Split = "split";

    public required string PredecessorCode { get; set; }
    public required string SuccessorCode { get; set; }
    public required string Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
}

public sealed class Quota
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Target { get; set; }
}
