namespace HoanKiem.Contracts;

/// <summary>A participating unit (ward, department, school, association, enterprise) was registered.</summary>
public sealed record UnitRegistered(string Code, string Name, string Kind, DateTimeOffset RegisteredAt);

/// <summary>A unit's name was changed; its code, and everything recorded under it, stays.</summary>
public sealed record UnitRenamed(string Code, string Name, DateTimeOffset RenamedAt);

/// <summary>A contest year was opened or its rules changed.</summary>
public sealed record ContestConfigured(int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords);

/// <summary>A unit's planned number of entries for a contest year was set.</summary>
public sealed record QuotaSet(int Year, string UnitCode, int Target);

/// <summary>The nominee as the entry introduces them: the exemplary person, not the author.</summary>
public sealed record NomineeDetails(string FullName, int? BirthYear, string? Position, string? Workplace, string? Street, string Ward);

/// <summary>An entry passed every rule at the door and is now part of the contest.</summary>
public sealed record EntryAccepted(
    Guid EntryId,
    int Year,
    string UnitCode,
    string Title,
    string Body,
    string Field,
    int WordCount,
    NomineeDetails Nominee,
    DateTimeOffset ReceivedAt);

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
