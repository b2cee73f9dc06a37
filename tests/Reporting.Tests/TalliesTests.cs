using System.Net;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The public monthly tallies, built from submission's events only.</summary>
public sealed class TalliesTests(ReportingFixture fixture)
{
    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+07:00");

    [Fact]
    public async Task Upper_and_mixed_case_codes_are_tallied_and_summarised_as_registered_under_the_units_current_name()
    {
        var year = fixture.NewYear();
        string upper = $"TH-HK-{year}", mixed = $"Hoi-LHPN-{year}";
        await fixture.RegisterUnitAsync(upper, "Trường Tiểu học Hoàn Kiếm", "school");
        await fixture.RegisterUnitAsync(mixed, "Hội Liên hiệp Phụ nữ quận", "association");
        await fixture.Bus.PublishAsync(new QuotaSet(year, upper, 1));
        await fixture.AcceptAsync(year, upper, Local($"{year}-03-10T09:00:00"));
        await fixture.AcceptAsync(year, upper, Local($"{year}-03-11T09:00:00"));
        await fixture.RefuseAsync(year, mixed, "duplicate_entry", Local($"{year}-03-12T09:00:00"));
        await fixture.RefuseAsync(year, mixed, "missing_author_info", Local($"{year}-03-13T09:00:00"));

        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [upper] = (1, 2, 2, 0, 0), [mixed] = (0, 0, 0, 1, 1) });
        await fixture.Bus.PublishAsync(new UnitRenamed(upper, "Trường Tiểu học Tràng An", DateTimeOffset.UtcNow));

        var renamed = await Eventually.Until(() => fixture.TalliesAsync(year, $"{year}-03", upper),
            tallies => tallies[upper].GetProperty("unitName").GetString() == "Trường Tiểu học Tràng An");
        Assert.Equal(upper, renamed[upper].GetProperty("unitCode").GetString());
        var summary = await fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{year}/summary");
        Assert.Equal([upper], summary.GetProperty("unitsOverQuota").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([mixed], summary.GetProperty("unitsSendingDuplicates").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([mixed], summary.GetProperty("unitsBreakingRules").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Tallies_count_each_fact_once_whatever_the_order_and_redelivery()
    {
        var year = fixture.NewYear();
        string ward = $"w{year}-hang-gai", union = $"w{year}-hoi-ccb", idle = $"w{year}-phuc-tan";
        await fixture.RegisterUnitAsync(ward, "Phường Hàng Gai");
        await fixture.RegisterUnitAsync(union, "Hội Cựu chiến binh", "association");
        await fixture.RegisterUnitAsync(idle, "Phường Phúc Tân");
        await fixture.Bus.PublishAsync(new QuotaSet(year, ward, 3));
        await fixture.Bus.PublishAsync(new QuotaSet(year, union, 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, idle, 1));

        // March arrives before January, and a withdrawal before the acceptance it withdraws.
        await fixture.AcceptAsync(year, ward, Local($"{year}-03-10T09:00:00"));
        var late = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new EntryWithdrawn(late, year, union, Local($"{year}-03-20T09:00:00")));
        await fixture.AcceptAsync(year, union, Local($"{year}-03-02T09:00:00"), entryId: late);
        var messageId = Guid.NewGuid();
        var january = await fixture.AcceptAsync(year, ward, Local($"{year}-01-15T09:00:00"), messageId: messageId);
        // 00:30 on 1 February in Hà Nội is still 31 January in UTC: it belongs to February.
        await fixture.AcceptAsync(year, ward, DateTimeOffset.Parse($"{year}-01-31T17:30:00Z"));
        var withdrawnInFebruary = await fixture.AcceptAsync(year, union, Local($"{year}-01-20T09:00:00"));
        await fixture.Bus.PublishAsync(new EntryWithdrawn(withdrawnInFebruary, year, union, Local($"{year}-02-05T09:00:00")));
        await fixture.AcceptAsync(year, union, Local($"{year}-02-06T09:00:00"));
        await fixture.RefuseAsync(year, union, "duplicate_entry", Local($"{year}-02-07T09:00:00"));
        await fixture.RefuseAsync(year, union, "duplicate_entry", Local($"{year}-03-07T09:00:00"));
        await fixture.RefuseAsync(year, ward, "word_count_out_of_range", Local($"{year}-01-03T09:00:00"));

        var march = await fixture.WaitForTalliesAsync(year, $"{year}-03", new()
        {
            [ward] = (3, 3, 1, 0, 1),
            [union] = (2, 1, 0, 2, 0),
            [idle] = (1, 0, 0, 0, 0)
        });

        // The same message again, the same entry under a new message id, the same refusal again: nothing changes.
        var skippedBefore = fixture.DuplicatesSkipped;
        await fixture.AcceptAsync(year, ward, Local($"{year}-01-15T09:00:00"), entryId: january, messageId: messageId);
        await fixture.AcceptAsync(year, ward, Local($"{year}-01-15T09:00:00"), entryId: january);
        await fixture.Bus.PublishAsync(new EntryWithdrawn(late, year, union, Local($"{year}-03-21T09:00:00")));
        await fixture.AcceptAsync(year, ward, Local($"{year}-04-01T09:00:00"));
        await fixture.WaitForTalliesAsync(year, $"{year}-04", new() { [ward] = (3, 4, 1, 0, 1) });
        await Eventually.Until(() => Task.FromResult(fixture.DuplicatesSkipped), skipped => skipped > skippedBefore);
        // Each accepted entry's lag to its tally was measured, and on a test machine it is seconds, not minutes.
        Assert.Contains(fixture.Lags, lag => lag.Consumer == "EntryAcceptedConsumer" && lag.Seconds is >= 0 and < 120);

        Assert.Equal((3, 3, 1, 0, 1), ReportingFixture.Numbers((await fixture.TalliesAsync(year, $"{year}-03", ward))[ward]));
        var january31 = await fixture.TalliesAsync(year, $"{year}-01", ward, union, idle);
        Assert.Equal((3, 1, 1, 0, 1), ReportingFixture.Numbers(january31[ward]));
        Assert.Equal((2, 1, 1, 0, 0), ReportingFixture.Numbers(january31[union]));
        Assert.False(january31[ward].GetProperty("quotaMet").GetBoolean());
        var february = await fixture.TalliesAsync(year, $"{year}-02", ward, union);
        Assert.Equal((3, 2, 1, 0, 1), ReportingFixture.Numbers(february[ward]));
        Assert.Equal((2, 1, 1, 1, 0), ReportingFixture.Numbers(february[union]));

        Assert.True(march[ward].GetProperty("quotaMet").GetBoolean());
        Assert.False(march[union].GetProperty("quotaMet").GetBoolean());
        Assert.Equal("Hội Cựu chiến binh", march[union].GetProperty("unitName").GetString());
        Assert.Equal("Phường Phúc Tân", march[idle].GetProperty("unitName").GetString());
    }

    [Fact]
    public async Task Counts_discarded_with_a_failed_unit_of_work_never_reach_the_tallies()
    {
        var year = fixture.NewYear();
        var ward = $"w{year}-hang-bac";
        await fixture.RegisterUnitAsync(ward, "Phường Hàng Bạc");
        await fixture.AcceptAsync(year, ward, Local($"{year}-03-10T09:00:00"));
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [ward] = (0, 1, 1, 0, 0) });

        // A consumer that fails leaves its unit of work uncommitted: what it counted must not stay behind, nor ride along
        // with the next save of the same (pooled) context.
        await using (var scope = fixture.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await using (await db.BeginWriteAsync())
            {
                await db.AddToTalliesAsync([new TallyChange(year, ward, year * 100 + 3, Received: 5)], CancellationToken.None);
            }
            await db.SaveChangesAsync();
        }

        Assert.Equal((0, 1, 1, 0, 0), ReportingFixture.Numbers((await fixture.TalliesAsync(year, $"{year}-03", ward))[ward]));
    }

    [Fact]
    public async Task A_unit_known_only_from_its_entries_is_counted_and_named_when_its_registration_arrives()
    {
        var year = fixture.NewYear();
        var unit = $"w{year}-late";
        await fixture.AcceptAsync(year, unit, Local($"{year}-05-05T09:00:00"));
        var tally = await fixture.WaitForTalliesAsync(year, $"{year}-05", new() { [unit] = (0, 1, 1, 0, 0) });
        Assert.Equal(unit, tally[unit].GetProperty("unitName").GetString());
        Assert.True(tally[unit].GetProperty("quotaMet").GetBoolean());

        await fixture.RegisterUnitAsync(unit, "Trường THCS Ngô Sĩ Liên", "school");
        await Eventually.Until(() => fixture.TalliesAsync(year, $"{year}-05", unit),
            t => t[unit].GetProperty("unitName").GetString() == "Trường THCS Ngô Sĩ Liên");
    }

    [Theory]
    [InlineData("2019-13")]
    [InlineData("2019-3")]
    [InlineData("tháng 3")]
    [InlineData("2019-00")]
    public async Task A_month_that_is_not_a_calendar_month_is_a_400_problem(string month)
    {
        var response = await fixture.Anonymous.GetAsync($"/api/reports/2019/tallies?month={Uri.EscapeDataString(month)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_month", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _));
    }

    [Fact]
    public async Task Tallies_are_paged_over_every_unit()
    {
        var year = fixture.NewYear();
        foreach (var letter in "abc")
        {
            await fixture.RegisterUnitAsync($"w{year}-{letter}", $"Đơn vị {letter}");
        }
        await Eventually.Until(() => fixture.TalliesAsync(year, $"{year}-01", $"w{year}-a", $"w{year}-b", $"w{year}-c"), t => t.Count == 3);

        var first = await fixture.GetJsonAsync(fixture.Anonymous, $"/api/reports/{year}/tallies?month={year}-01&page=1&pageSize=2");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var lastPage = (total + 1) / 2;
        var last = await fixture.GetJsonAsync(fixture.Anonymous, $"/api/reports/{year}/tallies?month={year}-01&page={lastPage}&pageSize=2");
        // Tests running beside this one may register units in between: the page holds what its own total leaves for it.
        Assert.Equal(Math.Min(2, last.GetProperty("total").GetInt32() - 2 * (lastPage - 1)), last.GetProperty("items").GetArrayLength());

        var tooBig = await fixture.Anonymous.GetAsync($"/api/reports/{year}/tallies?pageSize=201");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task Tallies_are_public_and_the_secretariats_calls_are_not()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync("/api/reports/2019/tallies?month=2019-03")).StatusCode);
        using var unit = fixture.Service.CreateClient(TestCallers.Unit("phuong-hang-gai"));
        foreach (var path in new[] { "/api/reports/2019/summary", "/api/reports/2019/annual", "/api/reports/2019/tallies.csv", "/api/reports/2019/tallies.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync(path)).StatusCode);
        }
    }
}
