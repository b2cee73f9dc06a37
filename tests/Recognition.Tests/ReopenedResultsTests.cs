using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Recognition.Tests;

/// <summary>Results the panel reopened and finalised again: the year's awards are replaced, never added to.</summary>
public sealed class ReopenedResultsTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task Reopening_takes_the_awards_back_and_refinalising_replaces_them_whatever_arrives_late()
    {
        var year = fixture.NewYear();
        var path = $"/api/recognition/{year}/awards";
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var first = new DateTimeOffset(year, 12, 1, 10, 0, 0, TimeSpan.FromHours(7));
        var second = first.AddDays(3);
        JudgingFinalized Finalized(DateTimeOffset at, params (Guid Id, string? Prize)[] ranks) =>
            new(year, at, [.. ranks.Select((r, i) => new RankedEntry(r.Id, "quan-doan", $"Bài {i + 1}", i + 1, 90 - i, r.Prize, i == 0))]);
        static List<(Guid, string)> Awards(JsonElement page) =>
            [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("entryId").GetGuid(), i.GetProperty("prize").GetString()!)).OrderBy(x => x.Item2)];

        await fixture.Bus.PublishAsync(Finalized(first, (a, "first"), (b, "second"), (c, null)));
        await Eventually.Until(() => fixture.GetAsync(path), page => page.GetProperty("total").GetInt32() == 2);

        await fixture.Bus.PublishAsync(new ResultsReopened(year, first, first.AddDays(1), "Cộng nhầm điểm", "Thường trực"));
        await Eventually.Until(() => fixture.GetAsync(path), page => page.GetProperty("total").GetInt32() == 0);

        await fixture.Bus.PublishAsync(Finalized(second, (b, "first"), (c, "third"), (a, null)));
        var replaced = await Eventually.Until(() => fixture.GetAsync(path), page => page.GetProperty("total").GetInt32() == 2);
        Assert.Equal([(b, "first"), (c, "third")], Awards(replaced));

        // The first finalisation and its reopening again, delivered late: the latest awards stand.
        var stale = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await fixture.Bus.PublishAsync(Finalized(first, (a, "first"), (b, "second"), (c, null)), stale[0]);
        await fixture.Bus.PublishAsync(new ResultsReopened(year, first, first.AddDays(1), "Cộng nhầm điểm", "Thường trực"), stale[1]);
        await fixture.Deliveries.WaitForAsync(stale);
        Assert.Equal([(b, "first"), (c, "third")], Awards(await fixture.GetAsync(path)));
    }
}
