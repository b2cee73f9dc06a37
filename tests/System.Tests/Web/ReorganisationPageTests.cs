using HoanKiem.Submission.Corpus;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>A year organised by phường Hoàn Kiếm in the browser: the organiser chosen, a split old ward confirmed, the public page naming the ward.</summary>
public sealed class ReorganisationPageTests(SystemFixture system)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_secretariat_opens_a_ward_year_and_confirms_a_nominee_written_in_a_split_old_ward(int width)
    {
        var year = system.NewYear();
        var unit = $"tdp-so-5-{year}-{width}";
        var secretariat = await Secretariat.SignInAsync(system);
        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/contest");

        await page.Locator("#OpensAt").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#ClosesAt").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(30).ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#AreaCode").SelectOptionAsync("phuong-hoan-kiem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thể lệ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu thể lệ" })).ToBeVisibleAsync();
        await web.CheckPageAsync();
        var contest = await secretariat.GetAsync($"/api/contests/{year}");
        Assert.Equal(("ward", "Ủy ban nhân dân phường Hoàn Kiếm"),
            (contest.GetProperty("organiser").GetProperty("level").GetString(), contest.GetProperty("organiser").GetProperty("name").GetString()));

        await secretariat.RegisterUnitAsync(unit, "Tổ dân phố số 5 phường Hoàn Kiếm", 2, year);
        var article = ArticleCorpus.Generate(year * 10 + width, "Hàng Bông");
        var receipt = await secretariat.SubmitForAsync(year, unit, new
        {
            title = article.Title, body = article.Body, field = article.Field, unitCode = unit,
            author = new { fullName = "Nguyễn Văn An", phone = "0912345678" },
            nominee = new { fullName = article.NomineeFullName, address = new { street = "số 12 phố Hàng Bông", ward = "Hàng Bông" } }
        });
        Assert.True(receipt.GetProperty("nomineeWard").GetProperty("toConfirm").GetBoolean());

        await web.OpenAsync($"/secretariat/{year}/entries");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phường cần xác nhận (1)" })).ToBeVisibleAsync();
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ở phường Hoàn Kiếm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Xác nhận {article.NomineeFullName} ở phường Hoàn Kiếm?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã xác nhận" })).ToBeVisibleAsync();
        await web.CheckPageAsync();
        var entry = await secretariat.GetAsync($"/api/contests/{year}/entries/{receipt.GetProperty("id").GetGuid()}");
        Assert.Equal("Hoàn Kiếm", entry.GetProperty("nominee").GetProperty("address").GetProperty("ward").GetString());
        Assert.Equal(0, (await secretariat.GetAsync($"/api/contests/{year}/ward-confirmations")).GetProperty("total").GetInt32());

        await web.OpenAsync($"/tallies/{year}");
        await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync("Ủy ban nhân dân phường Hoàn Kiếm");
    }
}
