using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Recognition.Models;

public static class NomineeStatus
{
    public const string Proposed = "proposed";
    public const string Verified = "verified";
    public const string Rejected = "rejected";
    public const string Commended = "commended";

    /// <summary>Every entry that introduced the person was withdrawn before appraisal: kept for the audit trail, hidden from the register.</summary>
    public const string Withdrawn = "withdrawn";

    public static readonly string[] Public = [Proposed, Verified, Rejected, Commended];
}

/// <summary>One person introduced by one or more entries of a contest year.</summary>
public sealed class Nominee
{
    public Guid Id { get; set; }
    public int Year { get; set; }

    /// <summary>The folded name and ward: introductions that differ here are never the same person.</summary>
    public required string PersonKey { get; set; }

    /// <summary>The name's spelling when first introduced; with the key it stops two racing introductions creating the person twice.</summary>
    public required string NameKey { get; set; }

    public required string FullName { get; set; }
    public required string Ward { get; set; }
    public required string UnitCode { get; set; }
    public required string Field { get; set; }

    /// <summary>The earliest entry (by receipt) still introducing the person.</summary>
    public Guid EntryId { get; set; }

    public required string Status { get; set; }
    public DateTimeOffset IntroducedAt { get; set; }
    public string? AppraisalOutcome { get; set; }
    public string? AppraisalNote { get; set; }
    public string? AppraisedBy { get; set; }
    public DateTimeOffset? AppraisedAt { get; set; }

    /// <summary>Bumped by every write to the nominee, so two writers that read the same state cannot both save.</summary>
    public int Revision { get; set; }

    public bool IsAppraised => AppraisalOutcome is not null;

    public static string PersonKeyOf(string fullName, string ward) =>
        $"{VietnameseText.Fold(fullName)}|{VietnameseText.WardKey(ward)}";

    /// <summary>The key of a person whose data was erased: nobody else, so it holds the row's own id and no name.</summary>
    public static string ErasedKeyOf(Guid id) => $"erased|{id}";

    /// <summary>An introduction's key; one whose name was erased before it arrived introduces someone of its own.</summary>
    public static string PersonKeyOf(Guid entryId, string fullName, string ward) =>
        fullName == Contracts.PersonalDataErased.Placeholder ? ErasedKeyOf(entryId) : PersonKeyOf(fullName, ward);
}

/// <summary>
/// An accepted entry as recognition knows it. <c>NomineeId</c> is null once the entry was withdrawn before
/// appraisal (or was withdrawn before its acceptance arrived), so it no longer introduces anyone.
/// </summary>
public sealed class NomineeEntry
{
    public Guid EntryId { get; set; }
    public int Year { get; set; }
    public Guid? NomineeId { get; set; }
    public required string UnitCode { get; set; }
    public required string Field { get; set; }
    public required string FullName { get; set; }
    public required string Ward { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When the secretariat last corrected the name or ward, so an older correction arriving late changes nothing.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }

    public bool IsErased => FullName == Contracts.PersonalDataErased.Placeholder;
}

/// <summary>
/// One row per folded name and ward of a year, bumped by every entry that introduces such a person: two entries
/// about the same person arriving at once then cannot both create them (one save fails and is retried).
/// </summary>
public sealed class RegisterKey
{
    public int Year { get; set; }
    public required string PersonKey { get; set; }
    public int Revision { get; set; }
}
