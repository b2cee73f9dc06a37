namespace HoanKiem.Demo;

/// <param name="Entries">Distinct articles the units send (all valid); re-sends and rule-breaking attempts come on top.</param>
public sealed record DemoOptions(int Year, string SecretariatSecret, int Entries = 300, int Judges = 7, int Seed = 2019)
{
    public int Resends => Math.Max(2, Entries / 15);
    public int RuleBreaks => Math.Max(4, Entries / 20);
    public TimeSpan EventualTimeout { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>What the demo did, counted from the answers it got: the figures the reporting summary should show.</summary>
public sealed record DemoResult
{
    public required int Year { get; init; }
    public string? AlreadyFilled { get; init; }
    public int UnitsRegistered { get; init; }
    public int UnitsAlreadyRegistered { get; init; }
    public int QuotasSet { get; init; }
    public int Attempts { get; init; }
    public int EntriesAccepted { get; init; }
    public int DuplicateAttempts { get; init; }
    public int RefusedAttempts { get; init; }
    public IReadOnlyDictionary<string, int> RefusalsByCode { get; init; } = new Dictionary<string, int>();
    /// <summary>Answers other than the one the demo meant to provoke (e.g. two distinct articles judged duplicates).</summary>
    public IReadOnlyList<string> Surprises { get; init; } = [];
    public int Judges { get; init; }
    public int ScoresGiven { get; init; }
    public int Ranked { get; init; }
    public IReadOnlyDictionary<string, int> Prizes { get; init; } = new Dictionary<string, int>();
    public int ForwardedToCity { get; init; }
    /// <summary>Forwarded entries the city commended (as the demo records its outcomes): each introduced one person.</summary>
    public int CommendedByCity { get; init; }
    public int NomineesIntroduced { get; init; }
    public int NomineesVerified { get; init; }
    public int NomineesRejected { get; init; }
    public int NomineesCommended { get; init; }
    public int UnitsCommended { get; init; }
    public int MovementCommendations { get; init; }
    /// <summary>The money of the decisions and titles the demo recorded, summed from their answers.</summary>
    public long AmountDecided { get; init; }
    /// <summary>Recognition's total for the year: the decisions and titles, plus any prize money.</summary>
    public long TotalRewardAmount { get; init; }
    public IReadOnlyList<string> UnitsOverQuota { get; init; } = [];
    public IReadOnlyList<string> UnitsWithoutEntries { get; init; } = [];
    public IReadOnlyList<string> UnitsSendingDuplicates { get; init; } = [];
    public IReadOnlyList<string> UnitsBreakingRules { get; init; } = [];
    /// <summary>A unit registered by this run and one of its judges, to sign in to the web app with (null when none was).</summary>
    public DemoAccount? UnitAccount { get; init; }
    public DemoAccount? JudgeAccount { get; init; }
}

/// <summary>Who an account is, and what to type at the sign-in page.</summary>
public sealed record DemoAccount(string Name, string ClientId, string Secret);

/// <summary>Where the demo tells what it is doing: a Spectre progress display in the tool, nothing in tests.</summary>
public interface IDemoReporter
{
    void Begin(string stage, int total);
    void Advance(string stage, int by = 1);
    void Note(string message);
}
