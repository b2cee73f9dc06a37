namespace HoanKiem.Web.Api;

public sealed record YearSummary(int EntriesAccepted, int DuplicateAttempts, int RefusedAttempts, PrizeCounts Prizes, int ForwardedToCity,
    int NomineesIntroduced, int NomineesCommended, int UnitsCommended, IReadOnlyList<string> UnitsOverQuota, IReadOnlyList<string> UnitsWithoutEntries,
    IReadOnlyList<string> UnitsSendingDuplicates, IReadOnlyList<string> UnitsBreakingRules, long TotalRewardAmount);
