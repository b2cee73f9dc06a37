namespace HoanKiem.Contracts;

/// <summary>A participating unit (ward, department, school, association, enterprise) was registered.</summary>
public sealed record UnitRegistered(string Code, string Name, string Kind, DateTimeOffset RegisteredAt);

/// <summary>
/// A unit's name was changed; its code, and everything recorded under it, stays. Without <c>EffectiveOn</c> the name
/// is corrected for every year; with it, the unit was renamed that day and years before it keep the old name.
/// </summary>
public sealed record UnitRenamed(string Code, string Name, DateTimeOffset RenamedAt, DateOnly? EffectiveOn = null);

/// <summary>A unit was merged into another on <c>EffectiveOn</c>: its past figures count towards the unit it joined.</summary>
public sealed record UnitMerged(string Code, string IntoCode, DateOnly EffectiveOn, DateTimeOffset RecordedAt);

/// <summary>A unit was split into others on <c>EffectiveOn</c>: its past figures stay its own, as they cannot be divided.</summary>
public sealed record UnitSplit(string Code, IReadOnlyList<string> IntoCodes, DateOnly EffectiveOn, DateTimeOffset RecordedAt);

/// <summary>
/// Who organises a contest year: a district's or a ward's people's committee (before and after 1 July 2025, when
/// Vietnam's districts were dissolved) or another body, the area its nominees live in, and the title its signer holds.
/// </summary>
public sealed record ContestOrganiser(string Name, string Level, string AreaName, string SignerTitle)
{
    public const string District = "district";
    public const string Ward = "ward";
    public const string Other = "other";

    /// <summary>The district's committee, the organiser of every year that names none.</summary>
    public static readonly ContestOrganiser HoanKiemDistrict = new("Ủy ban nhân dân quận Hoàn Kiếm", District, "quận Hoàn Kiếm", "Chủ tịch");

    /// <summary>The level's word in running text: "quận" for a district, "phường" for a ward, the area's name otherwise.</summary>
    public string LevelWord => Level switch { District => "quận", Ward => "phường", _ => AreaName };
}

/// <summary>
/// A contest year was opened or its rules changed. <c>Organiser</c> is null in events from before organisers were
/// recorded: those years were the district's.
/// </summary>
public sealed record ContestConfigured(
    int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords, ContestOrganiser? Organiser = null);

/// <summary>A unit's planned number of entries for a contest year was set.</summary>
public sealed record QuotaSet(int Year, string UnitCode, int Target);

/// <summary>
/// An entry passed every rule at the door and is now part of the contest, for reporting's tallies and recognition's
/// register: of the people it names only the nominee, by the name and ward the register matches them by. The text goes
/// to judging alone in <see cref="EntryTextSubmitted"/>; the author, and the nominee's other details, stay in submission.
/// </summary>
public sealed record EntryAccepted(
    Guid EntryId,
    int Year,
    string UnitCode,
    string Field,
    int WordCount,
    string NomineeFullName,
    string NomineeWard,
    DateTimeOffset ReceivedAt);

/// <summary>An accepted entry's text, for the panel: the only event that carries the article.</summary>
public sealed record EntryTextSubmitted(
    Guid EntryId,
    int Year,
    string UnitCode,
    string Title,
    string Body,
    string Field,
    int WordCount,
    DateTimeOffset ReceivedAt);

/// <summary>
/// The secretariat erased a person's personal data from an entry: <c>Person</c> is <c>author</c> or <c>nominee</c>.
/// Every service that keeps something of that person erases its copy; <c>Title</c> is the entry's title as it reads
/// now (the person's name taken out), for those that show it.
/// </summary>
public sealed record PersonalDataErased(Guid EntryId, int Year, string Person, string Title, string ErasedBy, DateTimeOffset ErasedAt)
{
    /// <summary>What an erased name or ward reads as, in every service's answers and reports.</summary>
    public const string Placeholder = "(đã xoá)";
}

/// <summary>An entry's text after a person's name in it was corrected or taken out, for the panel's copy.</summary>
public sealed record EntryTextRedacted(Guid EntryId, int Year, string Title, string Body, DateTimeOffset RedactedAt);

/// <summary>The secretariat corrected the nominee's name or ward on an entry: recognition's copy follows.</summary>
public sealed record NomineeCorrected(Guid EntryId, int Year, string FullName, string Ward, string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>A unit withdrew an entry before the contest closed: it is kept but no longer counted.</summary>
public sealed record EntryWithdrawn(Guid EntryId, int Year, string UnitCode, DateTimeOffset WithdrawnAt);

/// <summary>
/// An attempt was refused at the door with a contract problem code; <c>duplicate_entry</c> names the entry it repeats.
/// </summary>
public sealed record EntryRefused(
    Guid AttemptId,
    int Year,
    string UnitCode,
    string Code,
    DateTimeOffset AttemptedAt,
    Guid? DuplicateOfEntryId,
    string? DuplicateOfUnitCode,
    double? Similarity);

/// <summary>Whose personal data an entry holds: the one who wrote it, or the one it is about.</summary>
public static class PersonRole
{
    public const string Author = "author";
    public const string Nominee = "nominee";
}
