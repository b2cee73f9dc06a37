namespace HoanKiem.Submission.Models;

/// <summary>
/// A dated change to a unit: renamed (its code stays), merged into another, or split into others. Entries, quotas and
/// everything else stay under the code they were made with; reports read these changes to carry figures across years.
/// </summary>
public sealed class UnitChange
{
    public static readonly string[] Kinds = [Renamed, Merged, Split];
    public const string Renamed = "renamed";
    public const string Merged = "merged";
    public const string Split = "split";

    public Guid Id { get; set; }
    public required string UnitCode { get; set; }
    public required string Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string? FormerName { get; set; }
    public string? Name { get; set; }
    public List<string> IntoCodes { get; set; } = [];
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
