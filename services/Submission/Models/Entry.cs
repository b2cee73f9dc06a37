namespace HoanKiem.Submission.Models;

public static class EntryStatus
{
    public const string Accepted = "accepted";
    public const string Withdrawn = "withdrawn";
}

public static class Fields
{
    public static readonly string[] Codes = ["economy", "urban", "culture-society", "defense-security", "governance", "front-unions"];
}

public sealed class Entry
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Field { get; set; }
    public int WordCount { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public required string AuthorFullName { get; set; }
    public string? AuthorPosition { get; set; }
    public string? AuthorPhone { get; set; }
    public string? AuthorEmail { get; set; }

    public required string NomineeFullName { get; set; }
    public int? NomineeBirthYear { get; set; }
    public string? NomineePosition { get; set; }
    public string? NomineeWorkplace { get; set; }
    public string? NomineeStreet { get; set; }
    public required string NomineeWard { get; set; }

    /// <summary>
    /// The order in which accepted entries were stored, given under the duplicate check's lock: a replica's index
    /// catches up to the highest one before each check, so it also knows the articles other replicas stored.
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>The body's MinHash signature (<see cref="Duplicates.MinHash"/>), kept so the duplicate index is rebuilt at start without re-reading every body.</summary>
    public byte[]? Signature { get; set; }
}

/// <summary>An attempt refused at the door, kept because the year-end report counts them and names the units.</summary>
public sealed class RefusedAttempt
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public Guid? DuplicateOfEntryId { get; set; }
    public string? DuplicateOfUnitCode { get; set; }
    public double? Similarity { get; set; }
}
