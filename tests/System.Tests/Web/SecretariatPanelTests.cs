using System.Globalization;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using HoanKiem.Submission.Corpus;
using HoanKiem.TestSupport;
using Microsoft.Playwright;
using Xunit;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace HoanKiem.SystemTests.Web;

/// <summary>
/// The secretariat runs the panel, recognition and the reports from the browser: rubric and prizes, judges, assignment
/// previewed then confirmed, finalisation, an appraisal, a decision signed at the money quoted, a title, the report.
/// </summary>
public sealed class SecretariatPanelTests(SystemFixture system)
{
    private const string AwardForm = "giay-khen-chu-tich-xa";
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task The_secretariat_sets_up_the_panel_finalises_commends_and_downloads_the_annual_report()
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var (hangBac, dongXuan) = ($"hang-bac-{year}", $"dong-xuan-{year}");
        await secretariat.RegisterUnitAsync(hangBac, "Phường Hàng Bạc", quota: 1, year);
        await secretariat.RegisterUnitAsync(dongXuan, "Phường Đồng Xuân", quota: 1, year);
        var articles = Enumerable.Range(0, 3).Select(i => ArticleCorpus.Generate(year * 10 + i, "Hàng Bạc", 400, 700)).ToList();
        foreach (var (article, unit) in articles.Zip([hangBac, hangBac, dongXuan]))
        {
            await secretariat.SubmitForAsync(year, unit, new
            {
                title = article.Title,
                body = article.Body,
                field = article.Field,
                unitCode = unit,
                author = new { fullName = "Nguyễn Thị Hoa", phone = "0912 345 678" },
                nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { ward = "Hàng Bạc" } }
            });
        }

        await using var web = await WebSession.StartAsync(system, 1280);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/panel/settings");

        // The rubric gains a criterion and the prizes shrink to the year's three entries; a bad count is refused and kept.
        await page.Locator("#first").FillAsync("một");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thể lệ chấm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prizes-error")).ToContainTextAsync("Số giải là số nguyên");
        Assert.Equal("một", await page.Locator("#first").InputValueAsync());
        await web.CheckPageAsync();
        foreach (var (field, value) in new[] { ("#first", "1"), ("#second", "1"), ("#third", "0"), ("#encouragement", "1"), ("#cityForwardCount", "1"), ("#judgesPerEntry", "2"),
                     ("#key-3", "sang-tao"), ("#name-3", "Tính sáng tạo"), ("#max-3", "10") })
        {
            await page.Locator(field).FillAsync(value);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thể lệ chấm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu thang điểm" })).ToBeVisibleAsync();
        var settings = await secretariat.GetAsync($"/api/judging/{year}/settings");
        Assert.Equal(4, settings.GetProperty("rubric").GetArrayLength());
        Assert.Equal(2, settings.GetProperty("judgesPerEntry").GetInt32());

        // Two judges, each handed a printable slip with the secret shown this once.
        var judges = new List<HttpClient>();
        await web.OpenAsync($"/secretariat/{year}/panel/judges");
        foreach (var name in new[] { "Trần Văn Bình", "Lê Thị Mai" })
        {
            await page.Locator("#fullName").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm và cấp mật khẩu" }).ClickAsync();
            await Assertions.Expect(page.Locator(".slip")).ToContainTextAsync(name);
            var account = await page.Locator("#slip-account").InnerTextAsync();
            var secret = await page.Locator("#slip-secret").InnerTextAsync();
            judges.Add(system.Client(await system.TokenAsync(account, secret)));
        }
        await Assertions.Expect(page.Locator("#judges > li")).ToHaveCountAsync(2);
        await web.CheckPageAsync();

        // Judging learns of the entries from events; the preview then shows each judge's load before anything is saved.
        await Eventually.Until(async () => (await secretariat.GetAsync($"/api/judging/{year}/progress")).GetProperty("entries").GetInt32(),
            entries => entries == 3, TimeSpan.FromSeconds(60));
        await web.OpenAsync($"/secretariat/{year}/panel/assign");
        await Assertions.Expect(page.Locator("#loads tbody tr")).ToHaveCountAsync(2);
        foreach (var row in await page.Locator("#loads tbody tr").AllAsync())
        {
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("3");
        }
        Assert.Equal(0, (await secretariat.GetAsync($"/api/judging/{year}/progress")).GetProperty("assignments").GetInt32());
        await web.ScreenshotAsync("web-secretariat-assign.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận phân công 6 lượt chấm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#assigned")).ToContainTextAsync("Đã phân công 6 lượt chấm");
        await web.CheckPageAsync();

        // Until every score is in, finalising is not offered; the judges score through the API.
        await web.OpenAsync($"/secretariat/{year}/panel/finalize");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Công bố kết quả năm {year}" }).CountAsync());
        foreach (var (judge, i) in judges.Select((j, i) => (j, i)))
        {
            var mine = await Secretariat.Expect(await judge.GetAsync($"/api/judging/{year}/assignments/mine"));
            foreach (var (assignment, k) in mine.GetProperty("items").EnumerateArray().Select((a, k) => (a, k)))
            {
                var scores = new Dictionary<string, decimal> { ["content"] = 30 + 5 * k + i, ["typicality-and-spread"] = 20, ["writing"] = 15, ["sang-tao"] = 5 };
                await Secretariat.Expect(await judge.PutAsJsonAsync($"/api/judging/{year}/entries/{assignment.GetProperty("entryId").GetGuid()}/scores/mine", new { scores }));
            }
        }
        await web.OpenAsync($"/secretariat/{year}/panel/finalize");
        await Assertions.Expect(page.Locator(".confirm")).ToContainTextAsync("không thể hoàn tác");
        await Assertions.Expect(page.Locator(".confirm")).ToContainTextAsync("khoá mọi điểm chấm");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Công bố kết quả năm {year}" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/secretariat/{year}/panel/results", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#results tbody tr").First).ToContainTextAsync("Giải Nhất");
        await web.CheckPageAsync();
        await page.Locator("#city input[name=outcome]").FillAsync("giải Ba");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã ghi kết quả cấp thành phố" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#city")).ToContainTextAsync("thành phố: giải Ba");

        // Final, the prize-winners reach the public page of exemplary articles, their text without their authors.
        await using (var visitor = await WebSession.StartAsync(system, 360))
        {
            await Eventually.Until(async () =>
            {
                await visitor.OpenAsync($"/articles/{year}");
                return await visitor.Page.Locator("#articles > li").CountAsync();
            }, count => count == 3, TimeSpan.FromSeconds(60));
            await Assertions.Expect(visitor.Page.Locator("#articles")).ToContainTextAsync(articles[0].Title);
            await Assertions.Expect(visitor.Page.Locator("#articles")).ToContainTextAsync("Giải Nhất");
            await Assertions.Expect(visitor.Page.Locator("#articles")).Not.ToContainTextAsync("0912 345 678");
            await visitor.ScreenshotAsync("web-public-articles.png");
        }

        // Appraisal: a nominee is verified with a note, beside the article that introduced them.
        await Eventually.Until(async () => (await secretariat.GetAsync($"/api/recognition/{year}/nominees")).GetProperty("total").GetInt32(),
            total => total == 3, TimeSpan.FromSeconds(60));
        await web.OpenAsync($"/secretariat/{year}/recognition");
        var nominee = page.Locator("#nominees > li").Filter(new() { HasText = articles[0].NomineeFullName });
        await Assertions.Expect(nominee).ToContainTextAsync(articles[0].Title);
        await nominee.GetByLabel("Xác minh: đủ điều kiện khen thưởng").CheckAsync();
        await nominee.Locator("textarea").FillAsync("Đã xác minh tại tổ dân phố số 4.");
        await nominee.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả thẩm định" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = articles[0].NomineeFullName })).ToContainTextAsync("đã xác minh");
        await web.CheckPageAsync();

        // The decision shows the reward table's money before it is signed, and is signed at that money.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Hanoi).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var quote = await secretariat.GetAsync($"/api/recognition/reward-table/quote?form={AwardForm}&on={today}&recipient=individual");
        var money = $"{quote.GetProperty("amount").GetInt64().ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"))} đồng";
        await web.OpenAsync($"/secretariat/{year}/recognition/decisions");
        await page.GetByLabel(articles[0].NomineeFullName, new() { Exact = false }).CheckAsync();
        await page.Locator("#number").FillAsync($"{year}/QĐ-UBND");
        await page.Locator("#form").FillAsync(AwardForm);
        await page.Locator("#signerName").FillAsync("Nguyễn Chí Lực");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem số tiền trước khi ký" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quote-total")).ToContainTextAsync($"Tổng số tiền: {money}");
        await Assertions.Expect(page.Locator("#quote")).ToContainTextAsync("không sửa, không huỷ được");
        Assert.Equal(0, (await secretariat.GetAsync($"/api/recognition/{year}/decisions")).GetProperty("total").GetInt32());
        await web.CheckPageAsync();
        await web.ScreenshotAsync("web-secretariat-decision.png");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ký quyết định, tổng {money}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signed")).ToContainTextAsync($"tổng cộng {money}");
        await Assertions.Expect(page.Locator("#decisions tbody tr")).ToHaveCountAsync(1);
        var decisions = await secretariat.GetAsync($"/api/recognition/{year}/decisions");
        Assert.Equal(quote.GetProperty("amount").GetInt64(), decisions.GetProperty("items")[0].GetProperty("totalAmount").GetInt64());
        // Its certificates, to print: one page for the person, with the signer.
        var certificates = await page.RunAndWaitForDownloadAsync(() => page.Locator("#decisions tbody tr a[download]").ClickAsync());
        using (var document = WordprocessingDocument.Open(await certificates.PathAsync(), false))
        {
            var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));
            Assert.Contains("GIẤY KHEN", text);
            Assert.Contains(articles[0].NomineeFullName, text);
            Assert.Contains("Nguyễn Chí Lực", text);
        }

        // A title of the movement, recorded by form.
        await web.OpenAsync($"/secretariat/{year}/recognition/titles");
        await page.Locator("#category").SelectOptionAsync("cultural-family");
        await page.Locator("#name").FillAsync("Gia đình ông Phạm Văn Đức");
        await page.Locator("#field").SelectOptionAsync("culture-society");
        await page.Locator("#decisionNumber").FillAsync($"{year}/QĐ-GĐVH");
        await page.Locator("#amount").FillAsync("300.000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh hiệu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#titles-done")).ToContainTextAsync("Gia đình ông Phạm Văn Đức");
        await Assertions.Expect(page.Locator("#titles tbody tr")).ToHaveCountAsync(1);
        await web.CheckPageAsync();

        // The report follows the other services' events; once it has them, the .docx says how many entries came in.
        await Eventually.Until(async () => await secretariat.GetAsync($"/api/reports/{year}/summary"),
            s => s.GetProperty("entriesAccepted").GetInt32() == 3 && s.GetProperty("nomineesCommended").GetInt32() == 1, TimeSpan.FromSeconds(60));
        await web.OpenAsync($"/secretariat/{year}/reports");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("đã nhận được 3 bài dự thi");
        await Assertions.Expect(page.Locator("#figures a[href$='/entries']")).ToContainTextAsync("3");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        using (var document = WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));
            Assert.Contains("đã nhận được 3 bài dự thi", text);
        }

        // The panel's page on a phone.
        await using var phone = await WebSession.StartAsync(system, 360);
        await phone.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/panel");
        await Assertions.Expect(phone.Page.Locator("#judge-progress tbody tr")).ToHaveCountAsync(2);
    }
}
