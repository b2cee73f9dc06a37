using System.Globalization;
using System.Net.Http.Json;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>
/// Money by the rules in the browser: the reward table with its dates and sources, a district form refused after the
/// district level ended, a decision priced before it is signed and read whole afterwards with its nominee, the year's
/// prize money, and a judge's account disabled.
/// </summary>
public sealed class SecretariatMoneyTests(SystemFixture system)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_secretariat_prices_a_decision_by_the_table_in_force_reads_it_back_and_sets_the_prize_money(int width)
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var unit = $"hang-bong-{year}";
        await secretariat.RegisterUnitAsync(unit, "Phường Hàng Bông", quota: 1, year);
        var article = ArticleCorpus.Generate(year * 10 + width, "Hàng Bông", 400, 700);
        await secretariat.SubmitForAsync(year, unit, new
        {
            title = article.Title, body = article.Body, field = article.Field, unitCode = unit,
            author = new { fullName = "Nguyễn Thị Hoa", phone = "0912 345 678" },
            nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { ward = "Hàng Bông" } }
        });
        var nominees = await Eventually.Until(() => secretariat.GetAsync($"/api/recognition/{year}/nominees"),
            page => page.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(60));
        var nomineeId = nominees.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var api = system.Client(await system.SecretariatTokenAsync());
        await Secretariat.Expect(await api.PostAsJsonAsync($"/api/recognition/{year}/nominees/{nomineeId}/appraisal", new { outcome = "verified", note = "Đã xác minh tại tổ dân phố." }));

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/recognition/reward-table");

        // The table says who grants each form, until when, and on what authority.
        var district = page.Locator("#forms tr[data-form='giay-khen-chu-tich-huyen']");
        await Assertions.Expect(district).ToContainTextAsync("Quận");
        await Assertions.Expect(district).ToContainTextAsync("đến hết 30/06/2025 (đã hết hiệu lực)");
        await Assertions.Expect(district).ToContainTextAsync("Luật Thi đua, khen thưởng 2022");
        await Assertions.Expect(page.Locator("#forms tr[data-form='tap-the-lao-dong-tien-tien-xa']")).ToContainTextAsync("từ 01/07/2025");
        await Assertions.Expect(page.Locator("#coefficients")).ToContainTextAsync("Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1");
        await Assertions.Expect(page.Locator("#district-ended")).ToContainTextAsync("30/06/2025");
        await web.CheckPageAsync();
        await web.ScreenshotAsync(web.Phone ? "web-secretariat-reward-table-phone.png" : "web-secretariat-reward-table.png");

        // Signed today, the district chairman's certificate is refused beside the field, and what was typed stays.
        await web.OpenAsync($"/secretariat/{year}/recognition/decisions");
        await page.GetByLabel(article.NomineeFullName, new() { Exact = false }).CheckAsync();
        await page.Locator("#number").FillAsync($"{year}/QĐ-UBND");
        await page.Locator("#form").FillAsync("giay-khen-chu-tich-huyen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem số tiền trước khi ký" }).ClickAsync();
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("30/06/2025");
        Assert.Equal($"{year}/QĐ-UBND", await page.Locator("#number").InputValueAsync());
        await web.CheckPageAsync();

        // The ward chairman's is priced before signing: the salary and coefficient in force, with their decrees, and the total.
        var quote = await secretariat.GetAsync($"/api/recognition/reward-table/quote?form=giay-khen-chu-tich-xa&on={await page.Locator("#signedOn").InputValueAsync()}");
        var money = $"{quote.GetProperty("amount").GetInt64().ToString("#,##0", Vietnamese)} đồng";
        await page.GetByLabel(article.NomineeFullName, new() { Exact = false }).CheckAsync();
        await page.Locator("#form").FillAsync("giay-khen-chu-tich-xa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem số tiền trước khi ký" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quote-parts")).ToContainTextAsync($"1 cá nhân × {money}");
        await Assertions.Expect(page.Locator("#quote-parts")).ToContainTextAsync("Nghị định 73/2024/NĐ-CP");
        await Assertions.Expect(page.Locator("#quote-recipients")).ToContainTextAsync(article.NomineeFullName);
        await Assertions.Expect(page.Locator("#quote-total")).ToContainTextAsync($"Tổng số tiền: {money}");
        Assert.Equal(0, (await secretariat.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ký quyết định, tổng {money}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signed")).ToContainTextAsync($"tổng cộng {money}");

        // The decision read whole, its certificates one click away, and its nominee from there.
        await page.Locator("#signed a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Quyết định số {year}/QĐ-UBND");
        await Assertions.Expect(page.Locator("#decision-total")).ToHaveTextAsync(money);
        await Assertions.Expect(page.Locator("#decision-facts")).ToContainTextAsync("Giấy khen của Chủ tịch Ủy ban nhân dân phường");
        await Assertions.Expect(page.Locator("a[download]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("certificates\\.docx"));
        await web.CheckPageAsync();
        if (!web.Phone)
        {
            await web.ScreenshotAsync("web-secretariat-decision-page.png");
        }
        await page.GetByRole(AriaRole.Link, new() { Name = article.NomineeFullName }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(article.NomineeFullName);
        await Assertions.Expect(page.Locator("#nominee-status")).ToContainTextAsync("Đã khen thưởng");
        await Assertions.Expect(page.Locator("#nominee-decision")).ToContainTextAsync(money);
        await Assertions.Expect(page.Locator("#nominee-entries li")).ToHaveCountAsync(1);
        await web.CheckPageAsync();

        // The year's prize money: a bad amount is refused beside its field and kept; a good one is recorded once.
        await web.OpenAsync($"/secretariat/{year}/recognition/prizes");
        await Assertions.Expect(page.Locator("#prizes tr[data-prize='first']")).ToContainTextAsync("chưa đặt (0 đồng)");
        await page.Locator("#amount-first").FillAsync("hai triệu");
        await page.Locator("#prizes tr[data-prize='first']").GetByRole(AriaRole.Button, new() { Name = "Ghi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#amount-first-error")).ToBeVisibleAsync();
        Assert.Equal("hai triệu", await page.Locator("#amount-first").InputValueAsync());
        await web.CheckPageAsync();
        await page.Locator("#amount-first").FillAsync("2.000.000");
        await page.Locator("#prizes tr[data-prize='first']").GetByRole(AriaRole.Button, new() { Name = "Ghi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prize-done")).ToContainTextAsync("2.000.000 đồng");
        await Assertions.Expect(page.Locator("#prizes tr[data-prize='first']")).ToContainTextAsync("2.000.000 đồng");
        var prizes = await secretariat.GetAsync($"/api/recognition/{year}/prizes");
        Assert.Equal(2_000_000, prizes[0].GetProperty("amount").GetInt64());
        Assert.Single((await secretariat.GetAsync($"/api/recognition/{year}/audit?subjectType=prize")).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "prize.amount-set");
        await web.CheckPageAsync();
    }

    [Fact]
    public async Task The_secretariat_disables_a_judges_account_after_saying_what_follows()
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        var (account, secret) = await secretariat.AddJudgeAsync(year, "Giám khảo Đỗ Văn Minh");
        var judgeId = (await secretariat.GetAsync($"/api/judging/{year}/judges")).GetProperty("items").EnumerateArray()
            .Single(j => j.GetProperty("clientId").GetString() == account).GetProperty("id").GetGuid();
        await system.TokenAsync(account, secret);

        await using var web = await WebSession.StartAsync(system, 1280);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/panel/judges");
        await page.GetByRole(AriaRole.Link, new() { Name = "Khoá tài khoản của Giám khảo Đỗ Văn Minh" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("không đăng nhập được nữa");
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Khoá tài khoản" }).ClickAsync();
        await Assertions.Expect(page.Locator("#disabled")).ToContainTextAsync(account);

        await Assert.ThrowsAsync<HttpRequestException>(() => system.TokenAsync(account, secret));
        Assert.Contains((await secretariat.GetAsync($"/api/judging/audit?subjectId={judgeId}")).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "credential.disabled");
    }
}
