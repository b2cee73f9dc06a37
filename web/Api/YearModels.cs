using System.Text.Json;

namespace HoanKiem.Web.Api;

public sealed record UnitAccount(string Code, string Name, string Kind, bool Active);
public sealed record UnitCredentials(string Code, string Name, string Kind, string ClientId, string? ClientSecret);
public sealed record IssuedCredential(string ClientId, string? ClientSecret, DateTimeOffset ChangedAt);
public sealed record SetQuota(string UnitCode, int Target);

public sealed record ContestSettings(string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords, IReadOnlyList<string> DistrictWards, Organiser? Organiser = null);

/// <summary>The secretariat's filters of the entries list; empty ones are left out of the query.</summary>
public sealed record EntryFilter(string? UnitCode, string? Status, string? Field, string? Month, string? Q, int Page = 1);

public sealed record OriginalEntry(Guid Id, string UnitCode, string Title, string Body, string Status, DateTimeOffset ReceivedAt);
public sealed record RefusalText(Guid Id, string UnitCode, string Code, DateTimeOffset AttemptedAt, string Title, string Body, string Explanation,
    double? Similarity, OriginalEntry? Original);

public sealed record YearFigures(int EntriesAccepted, int DuplicateAttempts, int RefusedAttempts, PrizeCounts Prizes, int ForwardedToCity,
    int NomineesIntroduced, int NomineesCommended, int UnitsCommended, IReadOnlyList<string> UnitsOverQuota, IReadOnlyList<string> UnitsWithoutEntries,
    IReadOnlyList<string> UnitsSendingDuplicates, IReadOnlyList<string> UnitsBreakingRules, long TotalRewardAmount);
public sealed record JudgingProgressFigures(int Entries, int EntriesAssigned, int EntriesFullyScored, int Assignments, int Scored, int Judges,
    int JudgesWithUnscoredWork, bool Finalized);
public sealed record CategoryMoney(int Count, long Amount);
public sealed record RecognitionFigures(int NomineesIntroduced, int Verified, int Rejected, int Commended, int UnitsCommended,
    IReadOnlyDictionary<string, CategoryMoney> ByCategory, long TotalAmount);
public sealed record SignedDecision(Guid Id, string Number, DateOnly SignedOn, string Form, long TotalAmount);

public sealed record StaffAccount(string Id, string FullName, string Position, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset CredentialChangedAt, DateTimeOffset? DisabledAt);
public sealed record StaffCredentials(string Id, string FullName, string Position, string ClientId, string? ClientSecret);
public sealed record AuditEntry(long Id, DateTimeOffset At, string ActorId, string? ActorName, string Action, string SubjectType, string SubjectId,
    int? Year, JsonElement Changes);
