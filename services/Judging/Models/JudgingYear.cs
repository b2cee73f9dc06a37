namespace HoanKiem.Judging.Models;

public sealed record RubricCriterion(string Key, string Name, int MaxPoints);

/// <summary>One contest year's panel: its settings and whether its results are final.</summary>
public sealed class JudgingYear
{
    /// <summary>Ties are broken by this criterion, so every rubric has it.</summary>
    public const string ContentKey = "content";

    public static readonly IReadOnlyList<RubricCriterion> DefaultRubric =
    [
        new(ContentKey, "Nội dung", 50),
        new("typicality-and-spread", "Tính điển hình, sức lan tỏa", 30),
        new("writing", "Hình thức, văn phong", 20)
    ];

    public int Year { get; set; }
    public int JudgesPerEntry { get; set; } = 3;
    public int FirstPrizes { get; set; } = 1;
    public int SecondPrizes { get; set; } = 2;
    public int ThirdPrizes { get; set; } = 3;
    public int EncouragementPrizes { get; set; } = 10;
    public int CityForwardCount { get; set; } = 24;
    public List<RubricCriterion> Rubric { get; set; } = [.. DefaultRubric];
    public DateTimeOffset? FinalizedAt { get; set; }

    /// <summary>When judges should have scored everything; it refuses nothing, it tells the secretariat who is behind.</summary>
    public DateTimeOffset? ScoringDeadline { get; set; }

    /// <summary>Bumped by every assignment run and by finalisation, so two concurrent runs cannot both commit.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsFinalized => FinalizedAt is not null;

    public PrizeCounts Prizes => new(FirstPrizes, SecondPrizes, ThirdPrizes, EncouragementPrizes);
}
