using HoanKiem.Judging.Models;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>The ranking rule on hand-built cases: mean of totals, then mean content, then the earlier receivedAt.</summary>
public sealed class RankingTests
{
    private static readonly DateTimeOffset Morning = DateTimeOffset.Parse("2019-06-01T08:00:00+07:00");
    private static readonly Guid[] Judges = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public void Equal_means_go_to_the_higher_content_score_then_to_the_earlier_entry()
    {
        var lateHighContent = Entry(Morning.AddHours(3), (80, 45), (70, 40));   // mean 75, content 42.5
        var earlyLowContent = Entry(Morning, (75, 30), (75, 30));               // mean 75, content 30
        var early = Entry(Morning.AddHours(1), (70, 40), (80, 45));             // mean 75, content 42.5, earlier
        var best = Entry(Morning.AddHours(5), (90, 40), (88, 40));              // mean 89

        var ranks = Ranking.Rank([lateHighContent, earlyLowContent, early, best], new PrizeCounts(1, 1, 1, 0), 2);

        Assert.Equal([best.EntryId, early.EntryId, lateHighContent.EntryId, earlyLowContent.EntryId], ranks.Select(r => r.EntryId));
        Assert.Equal([1, 2, 3, 4], ranks.Select(r => r.Rank));
        Assert.Equal([Prizes.First, Prizes.Second, Prizes.Third, null], ranks.Select(r => r.Prize));
        Assert.Equal([true, true, false, false], ranks.Select(r => r.ForwardedToCity));
        Assert.Equal(89, ranks[0].Score);
    }

    [Fact]
    public void Equal_means_over_different_numbers_of_judges_tie_and_fall_to_the_earlier_entry()
    {
        var three = new ScoredEntry(Guid.NewGuid(), Morning.AddHours(1),
            [new(Guid.NewGuid(), 8, 4), new(Guid.NewGuid(), 8, 4), new(Guid.NewGuid(), 9, 4)]);
        var sixEarlier = new ScoredEntry(Guid.NewGuid(), Morning,
            [.. new decimal[] { 8, 8, 8, 9, 8, 9 }.Select(total => new JudgeScore(Guid.NewGuid(), total, 4))]);

        var ranks = Ranking.Rank([three, sixEarlier], new PrizeCounts(1, 0, 0, 0), 0);

        Assert.Equal([sixEarlier.EntryId, three.EntryId], ranks.Select(r => r.EntryId));
        Assert.Equal(ranks[0].Score, ranks[1].Score);
    }

    [Fact]
    public void Prizes_go_down_the_ranks_in_order_and_run_out()
    {
        var entries = Enumerable.Range(0, 20).Select(i => Entry(Morning.AddMinutes(i), (100 - i, 40))).ToList();

        var ranks = Ranking.Rank(entries, new PrizeCounts(1, 2, 3, 10), 24);

        Assert.Equal(1, ranks.Count(r => r.Prize == Prizes.First));
        Assert.Equal([Prizes.Second, Prizes.Second], ranks.Skip(1).Take(2).Select(r => r.Prize));
        Assert.Equal(3, ranks.Skip(3).Take(3).Count(r => r.Prize == Prizes.Third));
        Assert.Equal(10, ranks.Skip(6).Take(10).Count(r => r.Prize == Prizes.Encouragement));
        Assert.All(ranks.Skip(16), r => Assert.Null(r.Prize));
        Assert.All(ranks, r => Assert.True(r.ForwardedToCity));
    }

    [Fact]
    public void Normalisation_counts_a_severe_judges_top_score_like_a_lenient_judges_top_score()
    {
        var severe = Judges[0];
        var lenient = Judges[1];
        var a = new ScoredEntry(Guid.NewGuid(), Morning, [new(severe, 60, 30)]);
        var b = new ScoredEntry(Guid.NewGuid(), Morning, [new(severe, 40, 20)]);
        var c = new ScoredEntry(Guid.NewGuid(), Morning, [new(lenient, 95, 45)]);
        var d = new ScoredEntry(Guid.NewGuid(), Morning, [new(lenient, 85, 40)]);

        var z = Ranking.Normalize([a, b, c, d]);

        Assert.Equal(1, z[a.EntryId], 6);
        Assert.Equal(-1, z[b.EntryId], 6);
        Assert.Equal(z[a.EntryId], z[c.EntryId], 6);
        Assert.Equal(z[b.EntryId], z[d.EntryId], 6);
    }

    private static ScoredEntry Entry(DateTimeOffset receivedAt, params (decimal Total, decimal Content)[] scores) =>
        new(Guid.NewGuid(), receivedAt, scores.Select((s, i) => new JudgeScore(Judges[i], s.Total, s.Content)).ToList());
}
