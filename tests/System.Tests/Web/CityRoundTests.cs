using DocumentFormat.OpenXml.Packaging;
using HoanKiem.Submission.Corpus;
using Microsoft.Playwright;
using Xunit;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace HoanKiem.SystemTests.Web;

/// <summary>The secretariat forwards the month's good articles to the city from the browser and downloads the package.</summary>
public sealed class CityRoundTests(SystemFixture system)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_secretariat_forwards_a_month_of_articles_once_and_downloads_the_package_for_the_city(int width)
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var unit = $"hang-gai-{year}-{width}";
        await secretariat.RegisterUnitAsync(unit, "Phường Hàng Gai", quota: 2, year);
        var articles = Enumerable.Range(0, 2).Select(i => ArticleCorpus.Generate(year * 10 + width + i, "Hàng Gai", 300, 500)).ToList();
        foreach (var article in articles)
        {
            await secretariat.SubmitForAsync(year, unit, new
            {
                title = article.Title,
                body = article.Body,
                field = article.Field,
                unitCode = unit,
                author = new { fullName = "Phan Văn Khải", phone = "0904 111 222", email = "khai@example.vn" },
                nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { street = "12 Hàng Gai", ward = "Hàng Gai" } }
            });
        }
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM");

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/city?month={month}");
        await Assertions.Expect(page.Locator("ul.checks li")).ToHaveCountAsync(2);
        await web.CheckPageAsync();

        // Nothing chosen: the page says so and makes no batch.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập đợt gửi thành phố" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entries-error")).ToContainTextAsync("ít nhất một bài");

        await page.GetByLabel(articles[0].Title).CheckAsync();
        await page.Locator("#label").FillAsync($"Tháng {month[5..]}/{year}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập đợt gửi thành phố" }).ClickAsync();
        await Assertions.Expect(page.Locator("#forwarded")).ToContainTextAsync("gồm 1 bài");
        // The forwarded article leaves the list of those still to send.
        await Assertions.Expect(page.Locator("ul.checks li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(1);
        await web.CheckPageAsync();
        if (width == 360)
        {
            await web.ScreenshotAsync("web-secretariat-city-round.png");
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#forwarded a[download]").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        using var document = WordprocessingDocument.Open(await download.PathAsync(), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));
        Assert.Contains($"Bài số 1: {articles[0].Title}", text);
        Assert.Contains("Điện thoại: 0904 111 222", text);
        Assert.Contains($"Họ và tên: {articles[0].NomineeFullName}", text);
        Assert.Contains("Địa chỉ: 12 Hàng Gai, phường Hàng Gai", text);
        Assert.DoesNotContain(articles[1].Title, text);
    }
}
