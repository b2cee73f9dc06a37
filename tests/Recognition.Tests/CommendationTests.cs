using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HoanKiem.Recognition.Tests;

public sealed class CommendationTests(RecognitionFixture fixture)
{
    [Fact]
    public async Task The_movement_titles_are_totalled_per_category_and_in_all_with_the_decisions()
    {
        var year = fixture.NewYear();
        var titles = new (string Category, string Name, long Amount)[]
        {
            ("cultural-residential-group", "Tổ dân phố số 2 phường Hàng Gai", 500_000),
            ("cultural-residential-group", "Tổ dân phố số 5 phường Hàng Bạc", 500_000),
            ("cultural-family", "Gia đình ông Nguyễn Văn Hải", 300_000),
            ("collective", "Chi hội Chữ thập đỏ khu phố Bát Đàn", 600_000),
            ("individual", "Ông Lương Quốc Hưng", 400_000),
        };
        foreach (var (category, name, amount) in titles)
        {
            var response = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
                new { category, name, unitCode = "phuong-hang-gai", field = "culture-society", amount, decisionNumber = "5678/QĐ-UBND ngày 20/12/2019" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var priced = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
            new { category = "cultural-family", name = "Gia đình bà Trần Thị Hoa", field = "culture-society", decisionNumber = "5679/QĐ-UBND", form = "giay-khen-chu-tich-xa", signedOn = "2025-07-01" });
        var nominee = await fixture.VerifiedNomineeAsync(year, "Bà Bùi Thị Hiếu", "Cửa Đông");
        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "5680/QĐ-UBND", signedOn = "2019-12-20", form = "giay-khen-chu-tich-huyen", nomineeIds = new[] { nominee } });

        Assert.Equal(HttpStatusCode.Created, priced.StatusCode);
        var pricedTitle = await priced.Content.ReadFromJsonAsync<JsonElement>();
        // A family is rewarded as a household: 1.5 × 0.3 × 2,340,000 = 1,053,000, rounded up.
        Assert.Equal((1_060_000L, "table"), (pricedTitle.GetProperty("amount").GetInt64(), pricedTitle.GetProperty("amountSource").GetString()));
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        var byCategory = summary.GetProperty("byCategory");
        Assert.Equal((2, 1_000_000L), Total(byCategory, "cultural-residential-group"));
        Assert.Equal((2, 1_360_000L), Total(byCategory, "cultural-family"));
        Assert.Equal((1, 600_000L), Total(byCategory, "collective"));
        Assert.Equal((1, 400_000L), Total(byCategory, "individual"));
        Assert.Equal(3_360_000L + 450_000L, summary.GetProperty("totalAmount").GetInt64());
        Assert.Equal(2, (await fixture.GetAsync($"/api/recognition/{year}/commendations?category=cultural-family")).GetProperty("total").GetInt32());
        var recorded = await Eventually.Until(
            () => Task.FromResult(fixture.Bus.Received<MovementTitleRecorded>().Where(e => e.Message.Year == year).Select(e => e.Message).ToList()),
            e => e.Count == titles.Length + 1);
        Assert.Contains(recorded, t => (t.Category, t.Name, t.Amount) == ("individual", "Ông Lương Quốc Hưng", 400_000));
        Assert.Contains(recorded, t => (t.Name, t.Amount, t.UnitCode) == ("Gia đình bà Trần Thị Hoa", 1_060_000, null));
    }

    [Fact]
    public async Task A_title_with_an_unknown_category_or_field_or_no_amount_is_400_and_not_counted()
    {
        var year = fixture.NewYear();
        var unknownCategory = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
            new { category = "hero", name = "Ai đó", field = "urban", amount = 1, decisionNumber = "1" });
        var unknownField = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
            new { category = "individual", name = "Ai đó", field = "sport", amount = 1, decisionNumber = "1" });
        var noAmount = await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
            new { category = "individual", name = "Ai đó", field = "urban", decisionNumber = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAmount.StatusCode);
        Assert.Equal(0, (await fixture.GetAsync($"/api/recognition/{year}/commendations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_change_of_a_figure_is_published_with_the_next_version_and_a_change_of_no_figure_is_not()
    {
        var year = fixture.NewYear();
        await fixture.AcceptEntryAsync(year, "Ông Lê Thái Tuấn Anh", "Tràng Tiền");
        await fixture.WaitForRegisterAsync(year, count: 1, entries: 1);
        var introduced = await fixture.WaitForTotalsAsync(year, t => t.NomineesIntroduced == 1);
        var id = await fixture.NomineeIdAsync(year, "Ông Lê Thái Tuấn Anh");
        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{id}/appraisal", new { outcome = "verified", note = "Lần một." });
        var verified = await fixture.WaitForTotalsAsync(year, t => t.Verified == 1);

        // A second appraisal with the same outcome corrects the note but moves no figure.
        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/nominees/{id}/appraisal", new { outcome = "verified", note = "Lần hai." });
        await fixture.WaitForFiguresTakenInAsync(year);
        Assert.Equal(verified, fixture.PublishedTotals(year)[^1]);

        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/decisions",
            new { number = "700/QĐ-UBND", signedOn = "2025-07-01", form = "giay-khen-chu-tich-xa", nomineeIds = new[] { id } });
        var decided = await fixture.WaitForTotalsAsync(year, t => t.Commended == 1);
        await fixture.Secretariat.PostAsJsonAsync($"/api/recognition/{year}/commendations",
            new { category = "individual", name = "Ông Lê Thái Tuấn Anh", field = "defense-security", amount = 290_000, decisionNumber = "701/QĐ-UBND" });
        var commended = await fixture.WaitForTotalsAsync(year, t => t.TotalAmount == 1_000_000);

        Assert.Equal([1L, 2L, 3L, 4L], fixture.PublishedTotals(year).Select(t => t.Version));
        Assert.Equal((1L, 1, 0, 0, 0L), (introduced.Version, introduced.NomineesIntroduced, introduced.Verified, introduced.Commended, introduced.TotalAmount));
        Assert.Equal((2L, 1, 1, 0, 0L), (verified.Version, verified.NomineesIntroduced, verified.Verified, verified.Commended, verified.TotalAmount));
        Assert.Equal((3L, 1, 1, 1, 710_000L), (decided.Version, decided.NomineesIntroduced, decided.Verified, decided.Commended, decided.TotalAmount));
        Assert.Equal(4L, commended.Version);
        var summary = await fixture.GetAsync($"/api/recognition/{year}/summary");
        Assert.Equal(commended.TotalAmount, summary.GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task A_burst_of_changes_is_published_as_its_final_figures_not_change_by_change()
    {
        var year = fixture.NewYear();
        var names = Enumerable.Range(1, 10).Select(i => $"Nguyễn Văn Thứ {i}").ToList();
        foreach (var name in names)
        {
            await fixture.AcceptEntryAsync(year, name, "Hàng Bạc");
        }
        var nominees = await fixture.WaitForRegisterAsync(year, count: names.Count, entries: names.Count);
        var introduced = await fixture.WaitForTotalsAsync(year, t => t.NomineesIntroduced == names.Count);

        var appraisals = await Task.WhenAll(nominees.EnumerateArray().Select(n => fixture.Secretariat.PostAsJsonAsync(
            $"/api/recognition/{year}/nominees/{n.GetProperty("id").GetGuid()}/appraisal", new { outcome = "verified", note = "Đã xác minh." })));
        Assert.All(appraisals, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var verified = await fixture.WaitForTotalsAsync(year, t => t.Verified == names.Count);
        await fixture.WaitForFiguresTakenInAsync(year);

        // Ten saves, each moving a figure; published with each save, they would be ten versions.
        var published = fixture.PublishedTotals(year).Where(t => t.Version > introduced.Version).ToList();
        Assert.True(published.Count < names.Count, $"{published.Count} versions published for {names.Count} appraisals");
        Assert.Equal(Enumerable.Range((int)introduced.Version + 1, published.Count).Select(v => (long)v), published.Select(t => t.Version));
        Assert.Equal(verified, published[^1]);
    }

    [Fact]
    public async Task A_change_committed_outside_this_service_is_published_from_its_count_in_the_database()
    {
        var year = fixture.NewYear();
        // All that another replica, or this service before a crash, leaves behind: the row and its counted change,
        // committed through a context of its own, and nothing published.
        var options = new DbContextOptionsBuilder<SqliteRecognitionDbContext>().UseSqlite($"Data Source={fixture.Service.DatabasePath}").Options;
        await using (var db = new SqliteRecognitionDbContext(options))
        {
            db.Commendations.Add(new Commendation
            {
                Id = Guid.CreateVersion7(), Year = year, Category = CommendationCategory.Individual, Name = "Bà Đỗ Thị Loan",
                Field = "urban", Amount = 500_000, AmountSource = AmountSource.Override, DecisionNumber = "702/QĐ-UBND",
                RecordedAt = DateTimeOffset.UtcNow
            });
            await db.SaveFiguresChangeAsync(year);
        }

        var published = await fixture.WaitForTotalsAsync(year, t => t.TotalAmount == 500_000);
        Assert.Equal(1L, published.Version);
    }

    [Fact]
    public async Task Prizes_from_the_final_results_are_recorded_as_awards_with_the_years_prize_money()
    {
        var year = fixture.NewYear();
        var put = await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/prizes/second", new { amount = 3_000_000 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var finalizedAt = new DateTimeOffset(year, 12, 1, 10, 0, 0, TimeSpan.FromHours(7));

        await fixture.Bus.PublishAsync(new JudgingFinalized(year, finalizedAt,
        [
            new RankedEntry(first, "quan-doan", "Người giữ hồ", 1, 95, "first", true),
            new RankedEntry(second, "hoi-lhpn", "Bà tôi", 2, 90, "second", true),
            new RankedEntry(Guid.NewGuid(), "phuong-hang-gai", "Không giải", 3, 50, null, false)
        ]));
        var awards = await Eventually.Until(() => fixture.GetAsync($"/api/recognition/{year}/awards"), page => page.GetProperty("total").GetInt32() == 2);

        var items = awards.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("first", 0L), (items[0].GetProperty("prize").GetString(), items[0].GetProperty("amount").GetInt64()));
        Assert.Equal(("second", 3_000_000L), (items[1].GetProperty("prize").GetString(), items[1].GetProperty("amount").GetInt64()));

        // The first prize's money, 0 until set, set afterwards reprices its award.
        await fixture.Secretariat.PutAsJsonAsync($"/api/recognition/{year}/prizes/first", new { amount = 5_000_000 });
        var repriced = await fixture.GetAsync($"/api/recognition/{year}/awards");
        Assert.Equal(5_000_000, repriced.GetProperty("items")[0].GetProperty("amount").GetInt64());
    }

    private static (int, long) Total(JsonElement byCategory, string category) =>
        (byCategory.GetProperty(category).GetProperty("count").GetInt32(), byCategory.GetProperty(category).GetProperty("amount").GetInt64());
}
