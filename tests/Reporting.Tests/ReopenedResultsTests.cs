using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>Results the panel reopened and finalised again: the report follows the latest ranking and never adds the two up.</summary>
public sealed class ReopenedResultsTests(ReportingFixture fixture)
{
    [Fact]
    public async Task Reopening_sets_the_prizes_aside_and_refinalising_replaces_them_whatever_arrives_late()
    {
        var year = fixture.NewYear();
        var path = $"/api/reports/{year}/summary";
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var first = new DateTimeOffset(year, 12, 1, 10, 0, 0, TimeSpan.FromHours(7));
        var second = first.AddDays(3);
        JudgingFinalized Finalized(DateTimeOffset at, params (Guid Id, string? Prize, bool Forwarded)[] ranks) =>
            new(year, at, [.. ranks.Select((r, i) => new RankedEntry(r.Id, "phuong-hang-gai", $"Bài {i + 1}", i + 1, 90 - i, r.Prize, r.Forwarded))]);
        static (int, int, int, int, int) Prizes(JsonElement s) => (s.GetProperty("prizes").GetProperty("first").GetInt32(), s.GetProperty("prizes").GetProperty("second").GetInt32(),
            s.GetProperty("prizes").GetProperty("third").GetInt32(), s.GetProperty("prizes").GetProperty("encouragement").GetInt32(), s.GetProperty("forwardedToCity").GetInt32());

        await fixture.Bus.PublishAsync(Finalized(first, (a, "first", true), (b, "second", true), (c, null, false)));
        await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, path), s => Prizes(s) == (1, 1, 0, 0, 2));

        await fixture.Bus.PublishAsync(new ResultsReopened(year, first, first.AddDays(1), "Cộng nhầm điểm", "Thường trực"));
        await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, path), s => Prizes(s) == (0, 0, 0, 0, 0));

        await fixture.Bus.PublishAsync(Finalized(second, (b, "first", true), (c, "third", false), (a, "encouragement", false)));
        await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, path), s => Prizes(s) == (1, 0, 1, 1, 1));

        // The first finalisation and its reopening again, delivered late: the latest ranking stands.
        var stale = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await fixture.Bus.PublishAsync(Finalized(first, (a, "first", true), (b, "second", true), (c, null, false)), stale[0]);
        await fixture.Bus.PublishAsync(new ResultsReopened(year, first, first.AddDays(1), "Cộng nhầm điểm", "Thường trực"), stale[1]);
        await fixture.Deliveries.WaitForAsync(stale);
        Assert.Equal((1, 0, 1, 1, 1), Prizes(await fixture.GetJsonAsync(fixture.Secretariat, path)));
    }
}
