namespace HoanKiem.Judging.Models;

/// <summary>One judge's work on one entry, with the judge's scores once given (revisable until finalisation).</summary>
public sealed class Assignment
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid EntryId { get; set; }
    public Guid JudgeId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Dictionary<string, decimal> Points { get; set; } = [];
    public decimal? Total { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? ScoredAt { get; set; }

    public bool IsScored => ScoredAt is not null;
}

/// <summary>An entry's frozen place in the final ranking, and later the city's outcome if it was forwarded.</summary>
public sealed class Result
{
    public int Year { get; set; }
    public Guid EntryId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }
    public double ContentScore { get; set; }
    public double NormalizedScore { get; set; }
    public string? Prize { get; set; }
    public bool ForwardedToCity { get; set; }
    public string? CityOutcome { get; set; }
    public DateTimeOffset? CityOutcomeRecordedAt { get; set; }
}
