using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HoanKiem.Submission.Corpus;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>A unit's year in the browser: it signs in, sends articles, meets the rules, and withdraws one.</summary>
public sealed class UnitJourneyTests(SystemFixture system)
{
    private const int MinWords = 150, MaxWords = 400;

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_unit_sends_by_form_and_by_docx_meets_refusals_and_withdraws_an_entry(int width)
    {
        var year = system.NewYear();
        var code = $"hang-gai-{year}-{width}";
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, MinWords, MaxWords);
        var (account, secret) = await secretariat.RegisterUnitAsync(code, $"Phường Hàng Gai ({width} px)", quota: 3, year);
        var byForm = ArticleCorpus.Generate(year * 10 + width, "Hàng Gai", MinWords + 20, MaxWords - 20);
        var byDocx = ArticleCorpus.Generate(year * 10 + width + 1, "Lý Thái Tổ", MinWords + 20, MaxWords - 20);

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync(account, secret, $"/unit/{year}/send");

        // By form: the live word count follows the typing, and the receipt names the article.
        await FillAsync(page, byForm.Title, byForm.Body, byForm);
        await Assertions.Expect(page.Locator("#Body-count")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("within"));
        if (!web.Phone)
        {
            await web.ScreenshotAsync("web-unit-send.png");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã nhận bài" })).ToContainTextAsync(byForm.Title);
        await web.CheckPageAsync();
        Assert.Equal("", await page.Locator("#Title").InputValueAsync());
        await BodySettledAsync(page, "0");

        // By .docx: the form is filled from the file for checking, then sent.
        await page.Locator("details.docx summary").ClickAsync();
        await page.Locator("#docx").SetInputFilesAsync(new FilePayload
        {
            Name = "bai-du-thi.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = Docx(byDocx)
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc tệp và điền vào mẫu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync(byDocx.Title);
        await Assertions.Expect(page.Locator("#NomineeName")).ToHaveValueAsync(byDocx.NomineeFullName);
        await Assertions.Expect(page.Locator("#NomineeWard")).ToHaveValueAsync("Lý Thái Tổ");
        await Assertions.Expect(page.Locator("#AuthorEmail")).ToHaveValueAsync("lan.pham@example.vn");
        await BodySettledAsync(page, Count(byDocx.Body));
        Assert.Equal(byDocx.Field, await page.Locator("#Field").InputValueAsync());
        Assert.Equal(Count(byDocx.Body), Count(await page.Locator("#Body").InputValueAsync()));
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã nhận bài" })).ToContainTextAsync(byDocx.Title);
        await BodySettledAsync(page, "0");

        // Too short: the rule's explanation stands beside the body, and everything typed is still there.
        var shortTitle = $"Bài quá ngắn {width}";
        var shortBody = string.Join(' ', byForm.Body.Split(' ').Take(60));
        await FillAsync(page, shortTitle, shortBody, byForm);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#Body-error")).ToContainTextAsync($"Bài có {Count(shortBody)} chữ; Thể lệ yêu cầu bài dài từ {MinWords} đến {MaxWords} chữ");
        Assert.Equal(shortTitle, await page.Locator("#Title").InputValueAsync());
        await BodySettledAsync(page, Count(shortBody));
        Assert.Equal(byForm.NomineeFullName, await page.Locator("#NomineeName").InputValueAsync());
        Assert.Equal(shortBody, await page.Locator("#Body").InputValueAsync());
        Assert.Equal("true", await page.Locator("#Body").GetAttributeAsync("aria-invalid"));
        await web.CheckPageAsync();

        // The first article again under another title: the page says when it was received.
        await page.Locator("#Title").FillAsync($"Gửi lại: {byForm.Title}");
        await page.Locator("#Body").FillAsync(byForm.Body);
        await BodySettledAsync(page, Count(byForm.Body));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bài viết này đã được nhận lúc");
        Assert.Equal($"Gửi lại: {byForm.Title}", await page.Locator("#Title").InputValueAsync());

        // The unit's page: its two entries, its two refusals with their reasons, its progress against the quota.
        await secretariat.WaitForTallyAsync(year, code, accepted: 2);
        await web.OpenAsync($"/unit/{year}");
        var entries = page.Locator("#entries-heading + ul li");
        await Assertions.Expect(entries).ToHaveCountAsync(2);
        var refusals = page.Locator("ul.refusals li");
        await Assertions.Expect(refusals).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("ul.refusals li[data-code=word_count_out_of_range]")).ToContainTextAsync("Thể lệ");
        await Assertions.Expect(page.Locator("ul.refusals li[data-code=duplicate_entry]")).ToContainTextAsync("Trùng với bài đã nhận lúc");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Tiến độ so với chỉ tiêu năm" })).ToHaveAttributeAsync("aria-valuenow", "2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Người được đơn vị giới thiệu" })).ToBeVisibleAsync();

        // Withdrawal asks first, then the entry says so and no longer counts.
        await page.GetByRole(AriaRole.Link, new() { Name = byForm.Title }).ClickAsync();
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rút bài này…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rút bài");
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rút bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".status.withdrawn")).ToContainTextAsync("Đã rút");
        var entry = await secretariat.GetAsync($"/api/contests/{year}/entries?unitCode={code}&status=withdrawn");
        Assert.Equal(1, entry.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_typed_article_survives_leaving_the_page_and_an_ended_session()
    {
        var year = system.NewYear();
        var code = $"trang-tien-{year}";
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, MinWords, MaxWords);
        var (account, secret) = await secretariat.RegisterUnitAsync(code, "Phường Tràng Tiền", quota: 2, year);
        var article = ArticleCorpus.Generate(year, "Tràng Tiền", MinWords + 20, MaxWords - 20);

        await using var web = await WebSession.StartAsync(system, 1280);
        var page = web.Page;
        await web.SignInAsync(account, secret, $"/unit/{year}/send");
        await FillAsync(page, article.Title, article.Body, article);

        // The session ends (signed out elsewhere, or idle too long): signing in again brings the draft back.
        await page.Context.ClearCookiesAsync();
        await web.SignInAsync(account, secret, $"/unit/{year}/send");
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync(article.Title);
        await Assertions.Expect(page.Locator("#Body")).ToHaveValueAsync(article.Body);
        await Assertions.Expect(page.Locator("[data-draft-restored]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Body-count")).ToContainTextAsync($"{Count(article.Body)} chữ");

        // Once sent, the draft is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bài", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã nhận bài" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync("");
    }

    private static async Task FillAsync(IPage page, string title, string body, Article nominee)
    {
        await page.GetByLabel("Tên bài").FillAsync(title);
        await page.GetByLabel("Lĩnh vực").SelectOptionAsync("urban");
        await page.GetByLabel("Nội dung bài").FillAsync(body);
        await page.Locator("#AuthorName").FillAsync("Nguyễn Văn An");
        await page.GetByLabel("Điện thoại").FillAsync("0912 345 678");
        await page.Locator("#NomineeName").FillAsync(nominee.NomineeFullName);
        await page.GetByLabel("Năm sinh").FillAsync(nominee.NomineeBirthYear.ToString());
        await page.GetByLabel("Địa chỉ (số nhà, đường phố)").FillAsync(nominee.Street);
        await page.Locator("#NomineeWard").FillAsync(nominee.NomineeWard);
        // Moving on closes the ward's suggestion list, which would otherwise lie over the send button.
        await page.Locator("#NomineeWard").PressAsync("Tab");
        // As a person sends once the count shows what they typed.
        await BodySettledAsync(page, Count(body));
    }

    /// <summary>
    /// The body's live count is drawn by the interactive editor once it has the page's new value (after a post the
    /// server's answer reaches it over its circuit) and any typing since: a page sent before then could lack the body.
    /// </summary>
    private static Task BodySettledAsync(IPage page, string words) =>
        Assertions.Expect(page.Locator("#Body-count strong")).ToHaveTextAsync(words);

    private static string Count(string text) => ServiceDefaults.Text.VietnameseText.CountWords(text).ToString("#,##0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>An article as a unit writes it in Word: a title, labelled lines for the people, then the text.</summary>
    private static byte[] Docx(Article article)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            void Add(string text) => body.AppendChild(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            Add(article.Title);
            Add($"Lĩnh vực: {article.Field}");
            Add("Tác giả: Phạm Thị Lan");
            Add("Chức vụ: Cán bộ văn hóa phường");
            Add("Email: lan.pham@example.vn");
            Add($"Người được giới thiệu: {article.NomineeFullName}");
            Add($"Năm sinh: {article.NomineeBirthYear}");
            Add($"Chức vụ: {article.NomineePosition}");
            Add($"Địa chỉ: {article.Street}");
            Add($"Phường: {article.NomineeWard}");
            foreach (var paragraph in article.Body.Split("\n\n"))
            {
                Add(paragraph);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }
}
