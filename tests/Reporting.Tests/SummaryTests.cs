using System.Text.Json;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The year's figures exactly as API.md lists them.</summary>
public sealed class SummaryTests(ReportingFixture fixture)
{
    [Fact]
    public async Task The_summary_counts_the_year_and_names_the_units_by_the_contracts_definitions()
    {
        var scenario = new YearScenario(fixture, fixture.NewYear());
        await scenario.PublishAsync();
        var path = $"/api/reports/{scenario.Year}/summary";

        var summary = await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, path), s =>
            s.GetProperty("entriesAccepted").GetInt32() == YearScenario.EntriesAccepted
            && s.GetProperty("refusedAttempts").GetInt32() == 4 && s.GetProperty("duplicateAttempts").GetInt32() == 2
            && s.GetProperty("totalRewardAmount").GetInt64() == YearScenario.TotalAmount
            && s.GetProperty("unitsCommended").GetInt32() == 2 && s.GetProperty("forwardedToCity").GetInt32() == 2);
        // The stale finalisation and totals were published after the newer ones: the service has to have taken (and ignored) them too.
        await fixture.Deliveries.WaitForAsync(scenario.StaleEvents);
        summary = await fixture.GetJsonAsync(fixture.Secretariat, path);

        Assert.Equal(YearScenario.EntriesAccepted, summary.GetProperty("entriesAccepted").GetInt32());
        Assert.Equal(2, summary.GetProperty("duplicateAttempts").GetInt32());
        Assert.Equal(4, summary.GetProperty("refusedAttempts").GetInt32());
        var prizes = summary.GetProperty("prizes");
        Assert.Equal((1, 2, 0, 1), (prizes.GetProperty("first").GetInt32(), prizes.GetProperty("second").GetInt32(),
            prizes.GetProperty("third").GetInt32(), prizes.GetProperty("encouragement").GetInt32()));
        Assert.Equal(2, summary.GetProperty("forwardedToCity").GetInt32());
        Assert.Equal(9, summary.GetProperty("nomineesIntroduced").GetInt32());
        Assert.Equal(6, summary.GetProperty("nomineesCommended").GetInt32());
        Assert.Equal(2, summary.GetProperty("unitsCommended").GetInt32());
        Assert.Equal(YearScenario.TotalAmount, summary.GetProperty("totalRewardAmount").GetInt64());
        Assert.Equal(2, summary.GetProperty("nomineesCommendedByCity").GetInt32());

        // Units of other tests share the service; only this year's own units are judged here.
        string[] Mine(string list) => [.. summary.GetProperty(list).EnumerateArray().Select(c => c.GetString()!).Where(scenario.Units.Contains)];
        Assert.Equal([scenario.OverQuota], Mine("unitsOverQuota"));
        Assert.Equal([scenario.WithoutEntries], Mine("unitsWithoutEntries"));
        Assert.Equal([scenario.SendingDuplicates], Mine("unitsSendingDuplicates"));
        Assert.Equal([scenario.BreakingRules, scenario.WithoutEntries], Mine("unitsBreakingRules").Order());

        // Exactly at its quota the unit has met it without exceeding it.
        var atQuota = (await fixture.TalliesAsync(scenario.Year, $"{scenario.Year}-12", scenario.AtQuota))[scenario.AtQuota];
        Assert.Equal(2, atQuota.GetProperty("accepted").GetInt32());
        Assert.Equal(2, atQuota.GetProperty("quota").GetInt32());
        Assert.True(atQuota.GetProperty("quotaMet").GetBoolean());
    }

    [Fact]
    public async Task A_year_without_any_event_has_zero_figures()
    {
        var year = fixture.NewYear();
        var summary = await fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{year}/summary");

        Assert.Equal(0, summary.GetProperty("entriesAccepted").GetInt32());
        Assert.Equal(0, summary.GetProperty("unitsOverQuota").GetArrayLength());
        Assert.Equal(0, summary.GetProperty("prizes").GetProperty("first").GetInt32());
        Assert.Equal(0L, summary.GetProperty("totalRewardAmount").GetInt64());
        Assert.Equal(JsonValueKind.Array, summary.GetProperty("unitsWithoutEntries").ValueKind);
    }
}
