using System.Net;
using System.Text.Json;
using HoanKiem.Demo;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>The demo year, small, against the whole system: what it says it did is what the reporting service counted.</summary>
public sealed class DemoTests(SystemFixture system)
{
    [Fact]
    public async Task Small_demo_year_matches_the_reporting_summary_and_refuses_a_second_run()
    {
        var year = system.NewYear();
        using var gateway = new HoanKiem.Demo.Gateway(system.GatewayAddress);
        var options = new DemoOptions(year, SystemFixture.SecretariatSecret, Entries: 30, Judges: 4);

        var result = await new DemoYear(gateway, options, new SilentReporter()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.AlreadyFilled);
        Assert.Empty(result.Surprises);
        Assert.Equal(options.Entries, result.EntriesAccepted);
        Assert.Equal(options.Resends, result.DuplicateAttempts);
        Assert.Equal(options.RuleBreaks, result.RefusedAttempts);
        Assert.Equal(result.EntriesAccepted * 3, result.ScoresGiven);
        Assert.Equal(result.EntriesAccepted, result.NomineesIntroduced);
        Assert.NotEmpty(result.UnitsOverQuota);

        using var secretariat = system.Client(await system.SecretariatTokenAsync());
        var summary = await Eventually.Until(
            async () => await ThinSliceTests.ReadJson(await secretariat.GetAsync($"/api/reports/{year}/summary"), HttpStatusCode.OK),
            s => s.GetProperty("nomineesCommended").GetInt32() == result.NomineesCommended
                && s.GetProperty("unitsCommended").GetInt32() == result.UnitsCommended
                && s.GetProperty("totalRewardAmount").GetInt64() == result.TotalRewardAmount
                && s.GetProperty("nomineesCommendedByCity").GetInt32() == result.CommendedByCity,
            TimeSpan.FromSeconds(60));

        Assert.Equal(result.EntriesAccepted, summary.GetProperty("entriesAccepted").GetInt32());
        Assert.Equal(result.DuplicateAttempts, summary.GetProperty("duplicateAttempts").GetInt32());
        Assert.Equal(result.RefusedAttempts, summary.GetProperty("refusedAttempts").GetInt32());
        Assert.Equal(result.NomineesIntroduced, summary.GetProperty("nomineesIntroduced").GetInt32());
        Assert.Equal(result.ForwardedToCity, summary.GetProperty("forwardedToCity").GetInt32());
        foreach (var prize in new[] { "first", "second", "third", "encouragement" })
        {
            Assert.Equal(result.Prizes.GetValueOrDefault(prize), summary.GetProperty("prizes").GetProperty(prize).GetInt32());
        }
        Assert.Equal(result.UnitsOverQuota.Order(), Codes(summary, "unitsOverQuota"));
        Assert.Equal(result.UnitsSendingDuplicates.Order(), Codes(summary, "unitsSendingDuplicates"));
        Assert.Equal(result.UnitsBreakingRules.Order(), Codes(summary, "unitsBreakingRules"));
        Assert.True(result.TotalRewardAmount >= result.AmountDecided, $"total {result.TotalRewardAmount} < decided {result.AmountDecided}");
        // The city's outcomes, recorded in judging, reach recognition's figures and from there the year-end report.
        Assert.True(result.CommendedByCity > 0, "the demo forwarded no entry to the city");
        var report = await (await secretariat.GetAsync($"/api/reports/{year}/annual")).Content.ReadAsStringAsync();
        Assert.Contains($"UBND Thành phố biểu dương, khen thưởng {result.CommendedByCity} cá nhân tiêu biểu", report);

        var again = await new DemoYear(gateway, options, new SilentReporter()).RunAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(again.AlreadyFilled);
        Assert.Equal(0, again.Attempts);
    }

    /// <summary>Other tests share the system and register their own units; the demo's are the ones in its list.</summary>
    private static IEnumerable<string> Codes(JsonElement summary, string property)
    {
        var demoUnits = DistrictUnits.All.Concat(WardUnits.All).Select(u => u.Code).ToHashSet();
        return summary.GetProperty(property).EnumerateArray().Select(c => c.GetString()!).Where(demoUnits.Contains).Order();
    }

    private sealed class SilentReporter : IDemoReporter
    {
        public void Begin(string stage, int total) { }

        public void Advance(string stage, int by = 1) { }

        public void Note(string message) => TestContext.Current.SendDiagnosticMessage(message);
    }
}
