namespace HoanKiem.Submission.Models;

public static class EntryStatus
{
    public const string Accepted = "accepted";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The fields (lĩnh vực) entries belong to, with their Vietnamese names.</summary>
public static class Fields
{
    public static readonly (string Code, string Name)[] All =
    [
        ("economy", "phát triển kinh tế"),
        ("urban", "nhà đất – đô thị, trật tự văn minh đô thị"),
        ("culture-society", "văn hóa – xã hội, giáo dục, y tế"),
        ("defense-security", "quốc phòng – an ninh"),
        ("governance", "xây dựng chính quyền, cải cách hành chính"),
        ("front-unions", "Mặt trận Tổ quốc và các đoàn thể")
    ];

    public static readonly string[] Codes = [.. All.Select(f => f.Code)];
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

    /// <summary>The ward as the unit wrote it, where that is an old ward's name: matched to its successor, or to confirm.</summary>
    public string? NomineeWardAsWritten { get; set; }

    /// <summary>The written ward was split in a reorganisation: the secretariat confirms which of <see cref="WardCandidates"/> it is.</summary>
    public bool WardToConfirm { get; set; }
    public List<string> WardCandidates { get; set; } = [];
    public DateTimeOffset? WardConfirmedAt { get; set; }
    public string? WardConfirmedBy { get; set; }

    /// <summary>The title and the nominee's name folded (<see cref="ServiceDefaults.Text.VietnameseText.Fold"/>), so a search typed without diacritics finds them in SQL.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>
    /// The order in which accepted entries were stored, given under the duplicate check's lock: a replica's index
    /// catches up to the highest one before each check, so it also knows the articles other replicas stored.
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>The body's MinHash signature (<see cref="Duplicates.MinHash"/>), kept so the duplicate index is rebuilt at start without re-reading every body.</summary>
    public byte[]? Signature { get; set; }
}

/// <summary>
/// An attempt refused at the door, kept because the year-end report counts them and names the units, and so a unit
/// can see what it sent and why it was refused: the title and the rule's explanation as it was given then. The body is
/// kept too, for the secretariat alone, to set a repeated article beside its original; it goes with the year's records.
/// </summary>
public sealed class RefusedAttempt
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Explanation { get; set; } = "";
    public Guid? DuplicateOfEntryId { get; set; }
    public string? DuplicateOfUnitCode { get; set; }
    public double? Similarity { get; set; }
}
