using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>People change during judging: the secretariat replaces a judge in the browser, the new judge declares a conflict in theirs.</summary>
public sealed class PanelChangesTests(SystemFixture system)
{
    [Fact]
    public async Task The_secretariat_replaces_a_judge_and_the_new_judge_hands_back_an_entry_they_cannot_judge()
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var code = $"hang-dao-{year}";
        await secretariat.RegisterUnitAsync(code, "Phường Hàng Đào", quota: 3, year);
        var articles = Enumerable.Range(0, 3).Select(i => ArticleCorpus.Generate(year * 10 + i, "Hàng Đào", 400, 700)).ToList();
        foreach (var article in articles)
        {
            await secretariat.SubmitForAsync(year, code, new
            {
                title = article.Title,
                body = article.Body,
                field = article.Field,
                unitCode = code,
                author = new { fullName = "Vũ Thị Hằng", phone = "0913 222 333" },
                nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { ward = "Hàng Đào" } }
            });
        }
        Assert.True((await secretariat.PutAsync($"/api/judging/{year}/settings", new { judgesPerEntry = 1 })).IsSuccessStatusCode);
        await secretariat.AddJudgeAsync(year, "Giám khảo Phan Văn Long");
        await secretariat.AddJudgeAsync(year, "Giám khảo Ngô Thị Thu");
        await Eventually.Until(async () => (await Secretariat.Expect(await secretariat.PostAsync($"/api/judging/{year}/assignments"))).GetProperty("entries").GetInt32(),
            entries => entries == 3, TimeSpan.FromSeconds(60));
        // Three entries for two judges: the one with two leaves, so the replacement has two to start with.
        var loads = (await secretariat.GetAsync($"/api/judging/{year}/progress/judges")).GetProperty("items").EnumerateArray().ToList();
        var leaving = loads.Single(j => j.GetProperty("assigned").GetInt32() == 2).GetProperty("fullName").GetString()!;
        var staying = loads.Single(j => j.GetProperty("assigned").GetInt32() == 1).GetProperty("fullName").GetString()!;

        await using var web = await WebSession.StartAsync(system, 1280);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/panel/judges");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Rút, thay hoặc ghi xung đột của {leaving}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Giám khảo {leaving}");
        await Assertions.Expect(page.Locator(".confirm")).ToContainTextAsync("giao 2 bài chưa chấm cho các giám khảo khác");
        await web.CheckPageAsync();

        // Neither a name nor the choice about scores: both are asked for beside their fields, and nothing changes.
        var replace = page.GetByRole(AriaRole.Button, new() { Name = $"Thay {leaving} bằng giám khảo mới" });
        await replace.ClickAsync();
        await Assertions.Expect(page.Locator("#replace-fullName-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#replace-keepScores-error")).ToContainTextAsync("giữ hay bỏ điểm");
        await web.CheckPageAsync();
        await page.Locator("#replace-fullName").FillAsync("Giám khảo Bùi Quang Huy");
        await page.Locator("#replace-keep").CheckAsync();
        await page.Locator("#replace-reason").FillAsync("Chuyển công tác");
        await replace.ClickAsync();
        await Assertions.Expect(page.Locator(".slip")).ToContainTextAsync("Giám khảo Bùi Quang Huy");
        await web.CheckPageAsync();
        var account = await page.Locator("#slip-account").InnerTextAsync();
        var secret = await page.Locator("#slip-secret").InnerTextAsync();

        var after = (await secretariat.GetAsync($"/api/judging/{year}/progress/judges")).GetProperty("items").EnumerateArray()
            .ToDictionary(j => j.GetProperty("fullName").GetString()!, j => j.GetProperty("assigned").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Giám khảo Bùi Quang Huy"] = 2, [staying] = 1 }, after);

        await using var judgeWeb = await WebSession.StartAsync(system, 360);
        var judgePage = judgeWeb.Page;
        await judgeWeb.SignInAsync(account, secret, $"/judge/{year}");
        await Assertions.Expect(judgePage.Locator("ol.rows li")).ToHaveCountAsync(2);
        var first = judgePage.Locator("ol.rows li a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await judgePage.GetByRole(AriaRole.Link, new() { Name = "Báo xung đột lợi ích với bài này" }).ClickAsync();
        await Assertions.Expect(judgePage.Locator("h1")).ToContainTextAsync(title);
        await judgeWeb.CheckPageAsync();
        var declare = judgePage.GetByRole(AriaRole.Button, new() { Name = "Báo xung đột và chuyển bài" });
        await declare.ClickAsync();
        await Assertions.Expect(judgePage.Locator("#reason-error")).ToBeVisibleAsync();
        await judgePage.Locator("#reason").FillAsync("Người được viết về là bác ruột của tôi");
        await declare.ClickAsync();
        await Assertions.Expect(judgePage.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã ghi xung đột lợi ích" })).ToBeVisibleAsync();
        await Assertions.Expect(judgePage.Locator("ol.rows li")).ToHaveCountAsync(1);
        await Assertions.Expect(judgePage.Locator("ol.rows")).Not.ToContainTextAsync(title);
        await judgeWeb.CheckPageAsync();

        // The entry went to the judge who stayed, and the secretariat sees the conflict on the judge's page.
        var now = (await secretariat.GetAsync($"/api/judging/{year}/progress/judges")).GetProperty("items").EnumerateArray()
            .ToDictionary(j => j.GetProperty("fullName").GetString()!, j => j.GetProperty("assigned").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Giám khảo Bùi Quang Huy"] = 1, [staying] = 2 }, now);
        await web.OpenAsync($"/secretariat/{year}/panel/judges");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rút, thay hoặc ghi xung đột của Giám khảo Bùi Quang Huy" }).ClickAsync();
        await Assertions.Expect(page.Locator("#conflicts")).ToContainTextAsync("bác ruột");
        await Assertions.Expect(page.Locator("#conflicts")).ToContainTextAsync("giám khảo tự báo");
        await web.CheckPageAsync();
    }
}
