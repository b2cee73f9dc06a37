namespace HoanKiem.Web.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record ContestField(string Code, string Name);
public sealed record Contest(int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MinWords, int MaxWords,
    IReadOnlyList<string> DistrictWards, IReadOnlyList<ContestField>? Fields, Organiser? Organiser = null);
public sealed record Quota(string UnitCode, string? UnitName, int Target);
public sealed record UnitTally(string UnitCode, string UnitName, int Quota, int Accepted, int AcceptedInMonth, int Duplicates, int Refused, bool QuotaMet);

public sealed record Author(string? FullName, string? Position, string? Phone, string? Email);
public sealed record Address(string? Street, string? Ward);
public sealed record Nominee(string? FullName, int? BirthYear, string? Position, string? Workplace, Address? Address);
public sealed record NewEntry(string Title, string Body, string Field, Author Author, Nominee Nominee);
public sealed record EntryReceipt(Guid Id, string UnitCode, string Status, int WordCount, DateTimeOffset ReceivedAt);
public sealed record Entry(Guid Id, int Year, string UnitCode, string Title, string Body, string Field, int WordCount, string Status,
    DateTimeOffset ReceivedAt, DateTimeOffset? WithdrawnAt, Author Author, Nominee Nominee, WardCheck? NomineeWard = null)
{
    public bool Withdrawn => Status == "withdrawn";
}
public sealed record DuplicateOf(Guid Id, string? UnitCode, DateTimeOffset ReceivedAt);
public sealed record RefusedAttempt(Guid Id, string UnitCode, string Code, DateTimeOffset AttemptedAt, string? Title, string? Explanation,
    DuplicateOf? DuplicateOf, double? Similarity);

public sealed record NamingDecision(string Number, DateOnly SignedOn, string Form);
public sealed record UnitNominee(Guid Id, string FullName, string Ward, string Field, string Status, DateTimeOffset IntroducedAt,
    IReadOnlyList<NamingDecision> Decisions);

public sealed record Assignment(Guid EntryId, string Title, string Body, string Field, int WordCount, bool Scored,
    IReadOnlyDictionary<string, decimal>? Scores, string? Comment);
public sealed record Criterion(string Key, string Name, int MaxPoints);
public sealed record PanelSettings(int Year, IReadOnlyList<Criterion> Rubric, bool Finalized, DateTimeOffset? ScoringDeadline = null);
public sealed record ScoreReceipt(Guid EntryId, IReadOnlyDictionary<string, decimal> Scores, decimal Total, string? Comment, DateTimeOffset ScoredAt);
public sealed record RankedEntry(int Rank, Guid EntryId, string Title, string UnitCode, double Score, string? Prize, bool ForwardedToCity);

public sealed record ExemplaryArticle(Guid Id, string Title, string NomineeFullName, string NomineeWard, string Field, string? Prize, string Body);
public sealed record ExemplaryArticles(int Year, DateTimeOffset? FinalizedAt, IReadOnlyList<ExemplaryArticle> Items);
