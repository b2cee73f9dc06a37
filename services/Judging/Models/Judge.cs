using HoanKiem.ServiceDefaults.Security;

namespace HoanKiem.Judging.Models;

/// <summary>A panel member of one contest year; <c>UnitCode</c> is the unit the judge belongs to, if any (a conflict of interest).</summary>
public sealed class Judge
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string FullName { get; set; }
    public string? UnitCode { get; set; }
    public required string ClientId { get; set; }
    public required Credential Credential { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the secretariat took the judge off the panel; the row stays because their kept scores still count.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    public bool OnPanel => RemovedAt is null;
}

public static class JudgeConflicts
{
    public const string ByJudge = "judge";
    public const string BySecretariat = "secretariat";
    public const int MaxReasonLength = 500;
}

/// <summary>
/// A judge must not score the entries of a unit, or one entry, beyond their own unit: declared by the judge on an entry
/// assigned to them, or recorded by the secretariat. Exactly one of <c>UnitCode</c> and <c>EntryId</c> is set.
/// </summary>
public sealed class JudgeConflict
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid JudgeId { get; set; }
    public string? UnitCode { get; set; }
    public Guid? EntryId { get; set; }
    public required string Reason { get; set; }
    public required string DeclaredBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
