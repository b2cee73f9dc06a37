namespace HoanKiem.Web.Api;

public sealed record PrizeCounts(int First, int Second, int Third, int Encouragement)
{
    public int Total => First + Second + Third + Encouragement;
}
public sealed record JudgingSettings(int Year, int JudgesPerEntry, PrizeCounts Prizes, int CityForwardCount, IReadOnlyList<Criterion> Rubric, bool Finalized,
    DateTimeOffset? ScoringDeadline = null);
public sealed record JudgingSettingsChange(int? JudgesPerEntry, PrizeCounts Prizes, int? CityForwardCount, IReadOnlyList<Criterion> Rubric);

public sealed record PanelJudge(Guid Id, string FullName, string? UnitCode, string ClientId, DateTimeOffset? RemovedAt = null);
public sealed record JudgeCredentials(Guid Id, string FullName, string? UnitCode, string ClientId, string ClientSecret);
public sealed record NewCredential(string ClientId, string? ClientSecret, DateTimeOffset ChangedAt);

public sealed record JudgeLoadView(Guid JudgeId, string FullName, string? UnitCode, int Before, int After);
public sealed record AssignmentRun(int Entries, int NewlyAssigned, int Judges, int MinPerJudge, int MaxPerJudge, int AssignmentsCreated,
    bool DryRun, IReadOnlyList<JudgeLoadView> Loads);

public sealed record ProgressSummary(int Entries, int EntriesAssigned, int EntriesFullyScored, int Assignments, int Scored, int Judges,
    int JudgesWithUnscoredWork, bool Finalized, DateTimeOffset? ScoringDeadline = null, IReadOnlyList<JudgeProgress>? JudgesBehind = null);
public sealed record JudgeProgress(Guid JudgeId, string FullName, string? UnitCode, int Assigned, int Scored, int Unscored);
public sealed record EntryProgress(Guid EntryId, string Title, string UnitCode, int Assigned, int Scored);

public sealed record ResultRow(int Rank, Guid EntryId, string Title, string UnitCode, double Score, string? Prize, bool ForwardedToCity, string? CityOutcome);
public sealed record CityOutcome(Guid EntryId, string UnitCode, string Outcome, DateTimeOffset RecordedAt);
