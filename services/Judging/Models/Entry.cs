namespace HoanKiem.Judging.Models;

public static class EntryStatus
{
    public const string Accepted = "accepted";
    public const string Withdrawn = "withdrawn";
}

/// <summary>
/// An entry as judging knows it: the text the panel reads and the unit it came from (for conflicts and results).
/// The author and the nominee are never stored here, so no judge-facing answer can leak them.
/// </summary>
public sealed class Entry
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string UnitCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Field { get; set; } = "";
    public int WordCount { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string Status { get; set; } = EntryStatus.Accepted;
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When a person's name was last taken out of the text; the text submitted before then no longer applies.</summary>
    public DateTimeOffset? TextRedactedAt { get; set; }

    public bool InJudging => Status == EntryStatus.Accepted;
}

/// <summary>A unit as the submission service registered it; judging uses the name in downloads only.</summary>
public sealed class Unit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}
