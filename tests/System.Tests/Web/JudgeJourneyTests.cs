using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>A judge's year in the browser, with the keyboard alone: every assignment scored, one revised, the results.</summary>
public sealed class JudgeJourneyTests(SystemFixture system)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_judge_scores_every_assignment_with_the_keyboard_revises_one_and_sees_the_results(int width)
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var code = $"cua-nam-{year}-{width}";
        await secretariat.RegisterUnitAsync(code, "Phường Cửa Nam", quota: 3, year);
        var articles = Enumerable.Range(0, 3).Select(i => ArticleCorpus.Generate((year + width) * 10 + i, "Cửa Nam", 600, 900)).ToList();
        foreach (var article in articles)
        {
            await secretariat.SubmitForAsync(year, code, new
            {
                title = article.Title,
                body = article.Body,
                field = article.Field,
                unitCode = code,
                author = new { fullName = "Đỗ Minh Tâm", phone = "0987 654 321", email = "tam.do@example.vn" },
                nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { street = "số 7 ngõ Hài Tường", ward = "Cửa Nam" } }
            });
        }
        Assert.True((await secretariat.PutAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 1 })).IsSuccessStatusCode);
        var (account, secret) = await secretariat.AddJudgeAsync(year, "Giám khảo Lê Văn Hùng");
        // Judging learns of the entries from events: assign once all three have arrived there.
        await Eventually.Until(async () => (await Secretariat.Expect(await secretariat.PostAsync($"/api/judging/{year}/assignments"))).GetProperty("entries").GetInt32(),
            entries => entries == 3, TimeSpan.FromSeconds(60));

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync(account, secret, $"/judge/{year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuetext", "0 trên 3 (0%)");
        await Assertions.Expect(page.Locator("ol.rows li.unscored")).ToHaveCountAsync(3);

        var before = page.Url;
        await web.TabToAsync("a.button.primary");
        await page.Keyboard.PressAsync("Enter");
        var points = new[] { ("40", "25", "15", "80"), ("35", "20", "10", "65"), ("45.5", "28", "18", "91,5") };
        for (var i = 0; i < 3; i++)
        {
            // Saving moves on to another page: wait for it, not for the one just scored.
            await page.WaitForURLAsync(url => url != before && url.Contains($"/judge/{year}/entries/", StringComparison.Ordinal));
            before = page.Url;
            await Assertions.Expect(page.Locator("article.reading h1")).Not.ToBeEmptyAsync();
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var hidden in new[] { "Đỗ Minh Tâm", "0987 654 321", "tam.do@example.vn", code, "Hài Tường" })
            {
                Assert.DoesNotContain(hidden, text);
            }
            Assert.Contains(await page.Locator("article.reading h1").InnerTextAsync(), articles.Select(a => a.Title));
            Assert.True(await page.Locator("article.reading p").CountAsync() > 3, "the article's paragraphs are kept");
            await web.CheckPageAsync();

            var (content, typicality, writing, total) = points[i];
            await web.TabToAsync("#score-content");
            await page.Keyboard.TypeAsync(content);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(typicality);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(writing);
            await Assertions.Expect(page.Locator(".total output")).ToHaveTextAsync(total);
            if (i == 0 && !web.Phone)
            {
                await web.ScreenshotAsync("web-judge-score.png");
            }
            await page.Keyboard.PressAsync("Enter");
        }
        await page.WaitForURLAsync(url => url.EndsWith($"/judge/{year}", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuetext", "3 trên 3 (100%)");
        await web.CheckPageAsync();

        // Revising: open a scored entry from the list, change a criterion, save; the list shows the new total.
        await web.TabToAsync("ol.rows li:first-child a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"/judge/{year}/entries/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#score-content")).Not.ToHaveValueAsync("");
        // The sheet becomes interactive after the page shows it; points typed in between could be drawn over once.
        await Assertions.Expect(page.Locator(".score-sheet[data-interactive]")).ToBeAttachedAsync();
        var earlier = decimal.Parse(await page.Locator("#score-content").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await web.TabToAsync("#score-content");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("20");
        await web.TabToAsync("button[value=stay]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu điểm" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#score-content")).ToHaveValueAsync("20");
        Assert.NotEqual(20m, earlier);

        // Until the secretariat finalises there are no results; then the judge sees the ranking.
        await web.OpenAsync($"/judge/{year}/results");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kết quả chưa được công bố");
        await Secretariat.Expect(await secretariat.PostAsync($"/api/judging/{year}/finalize"));
        await web.OpenAsync($"/judge/{year}/results");
        await Assertions.Expect(page.Locator("table.results tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.results tbody tr").First).ToContainTextAsync("Giải Nhất");

        // Final means frozen: the scoring page shows the points and no form.
        await web.OpenAsync($"/judge/{year}");
        await page.Locator("ol.rows li a").First.ClickAsync();
        await Assertions.Expect(page.GetByText("Kết quả đã được công bố")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#score-content").CountAsync());
    }
}
