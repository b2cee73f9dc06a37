namespace HoanKiem.Contracts;

/// <summary>One entry's place in the final ranking; <c>Prize</c> is first, second, third, encouragement or null.</summary>
public sealed record RankedEntry(Guid EntryId, string UnitCode, string Title, int Rank, double Score, string? Prize, bool ForwardedToCity);

/// <summary>The panel's results were finalised: scores are frozen and prizes given down the ranks.</summary>
public sealed record JudgingFinalized(int Year, DateTimeOffset FinalizedAt, IReadOnlyList<RankedEntry> Results);

/// <summary>The city-level contest's outcome for an entry the district forwarded (e.g. a city prize or commendation).</summary>
public sealed record CityOutcomeRecorded(int Year, Guid EntryId, string UnitCode, string Outcome, DateTimeOffset RecordedAt);

/// <summary>
/// The secretariat reopened the year's results finalised at <c>FinalizedAt</c>: its prizes and forwarding no longer stand
/// until a later <see cref="JudgingFinalized"/> of the same year replaces them.
/// </summary>
public sealed record ResultsReopened(int Year, DateTimeOffset FinalizedAt, DateTimeOffset ReopenedAt, string Reason, string ReopenedBy);
