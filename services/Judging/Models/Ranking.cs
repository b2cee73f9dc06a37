namespace HoanKiem.Judging.Models;

public static class Prizes
{
    public const string First = "first";
    public const string Second = "second";
    public const string Third = "third";
    public const string Encouragement = "encouragement";
}

public sealed record PrizeCounts(int First, int Second, int Third, int Encouragement);

/// <summary>One judge's scored work on an entry: the total over the rubric and the content criterion's points.</summary>
public sealed record JudgeScore(Guid JudgeId, decimal Total, decimal Content);

public sealed record ScoredEntry(Guid EntryId, DateTimeOffset ReceivedAt, IReadOnlyList<JudgeScore> Scores);

public sealed record Placement(Guid EntryId, int Rank, double Score, double ContentScore, double NormalizedScore, string? Prize, bool ForwardedToCity);

/// <summary>
/// The panel's ranking: by the mean of the judges' totals, ties to the higher mean content score, then to the
/// earlier receivedAt (then the entry id, so the order never depends on the database). Means are compared as exact
/// fractions (sum × other count), so two equal means never differ by a rounding error.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<Placement> Rank(IReadOnlyCollection<ScoredEntry> entries, PrizeCounts prizes, int cityForwardCount)
    {
        var normalized = Normalize(entries);
        var ordered = entries.Where(e => e.Scores.Count > 0).ToList();
        ordered.Sort(Compare);
        var prizeByRank = Enumerable.Repeat(Prizes.First, prizes.First)
            .Concat(Enumerable.Repeat(Prizes.Second, prizes.Second))
            .Concat(Enumerable.Repeat(Prizes.Third, prizes.Third))
            .Concat(Enumerable.Repeat(Prizes.Encouragement, prizes.Encouragement))
            .ToList();
        return ordered.Select((e, i) => new Placement(
            e.EntryId,
            i + 1,
            Round(e.Scores.Average(s => s.Total)),
            Round(e.Scores.Average(s => s.Content)),
            Math.Round(normalized[e.EntryId], 4),
            i < prizeByRank.Count ? prizeByRank[i] : null,
            i < cityForwardCount)).ToList();
    }

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    public static int Compare(ScoredEntry a, ScoredEntry b)
    {
        var byScore = CompareMeans(b.Scores.Sum(s => s.Total), b.Scores.Count, a.Scores.Sum(s => s.Total), a.Scores.Count);
        if (byScore != 0)
        {
            return byScore;
        }
        var byContent = CompareMeans(b.Scores.Sum(s => s.Content), b.Scores.Count, a.Scores.Sum(s => s.Content), a.Scores.Count);
        if (byContent != 0)
        {
            return byContent;
        }
        var byTime = a.ReceivedAt.CompareTo(b.ReceivedAt);
        return byTime != 0 ? byTime : a.EntryId.CompareTo(b.EntryId);
    }

    /// <summary>
    /// Each judge's totals as z-scores over that judge's own entries (a severe judge's 30 counts like a lenient
    /// judge's 45), averaged per entry. Shown beside the raw mean only; the ranking never uses it.
    /// </summary>
    public static IReadOnlyDictionary<Guid, double> Normalize(IReadOnlyCollection<ScoredEntry> entries)
    {
        var byJudge = entries.SelectMany(e => e.Scores)
            .GroupBy(s => s.JudgeId)
            .ToDictionary(g => g.Key, g =>
            {
                var totals = g.Select(s => (double)s.Total).ToList();
                var mean = totals.Average();
                var deviation = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / totals.Count);
                return (Mean: mean, Deviation: deviation);
            });
        return entries.ToDictionary(e => e.EntryId, e => e.Scores.Count == 0 ? 0 : e.Scores.Average(s =>
        {
            var (mean, deviation) = byJudge[s.JudgeId];
            return deviation > 0 ? ((double)s.Total - mean) / deviation : 0;
        }));
    }

    private static int CompareMeans(decimal sumA, int countA, decimal sumB, int countB) =>
        (sumA * countB).CompareTo(sumB * countA);

    private static double Round(decimal value) => (double)Math.Round(value, 3);
}
