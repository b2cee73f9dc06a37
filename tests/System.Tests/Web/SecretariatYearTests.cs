using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HoanKiem.Submission.Corpus;
using Microsoft.Playwright;
using Xunit;

namespace HoanKiem.SystemTests.Web;

/// <summary>The secretariat runs its year in the browser: units from a spreadsheet, the contest, a duplicate beside its original, a search.</summary>
public sealed class SecretariatYearTests(SystemFixture system)
{
    private const string Nominee = "Đặng Thị Hường";

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_secretariat_imports_units_opens_the_contest_reviews_a_duplicate_and_finds_an_entry_without_diacritics(int width)
    {
        var year = system.NewYear();
        var (first, second, bad) = ($"trang-tien-{year}-{width}", $"hang-bai-{year}-{width}", $"hang-khay-{year}-{width}");
        var secretariat = await Secretariat.SignInAsync(system);

        await using var web = await WebSession.StartAsync(system, width);
        var page = web.Page;
        await web.SignInAsync("secretariat", SystemFixture.SecretariatSecret, $"/secretariat/{year}/contest");

        // The contest, opened in the browser: a window around today, short articles for the test.
        await page.Locator("#OpensAt").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#ClosesAt").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(30).ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#MinWords").FillAsync("100");
        await page.Locator("#MaxWords").FillAsync("2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thể lệ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu thể lệ" })).ToBeVisibleAsync();
        await web.CheckPageAsync();
        Assert.Equal(2000, (await secretariat.GetAsync($"/api/contests/{year}")).GetProperty("maxWords").GetInt32());

        // Units and quotas from a spreadsheet: the bad row is shown in the preview and not saved.
        await web.OpenAsync($"/secretariat/{year}/units/import");
        await page.Locator("#sheet").SetInputFilesAsync(new FilePayload
        {
            Name = "don-vi.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Sheet(["Mã đơn vị", "Tên đơn vị", "Loại", "Chỉ tiêu"],
                [first, "Phường Tràng Tiền", "Phường", "4"],
                [second, "Phường Hàng Bài", "phuong", "3"],
                [bad, "Phường Hàng Khay", "Phường", "mười"])
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc tệp và xem trước" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.preview tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.preview tr.row-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.preview tr.row-error")).ToContainTextAsync("Chỉ tiêu “mười”");
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu 2 dòng hợp lệ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".slip")).ToHaveCountAsync(2);
        await web.CheckPageAsync();
        var accounts = new Dictionary<string, (string ClientId, string Secret)>();
        foreach (var slip in await page.Locator(".slip").AllAsync())
        {
            var account = await slip.Locator("dd code").First.InnerTextAsync();
            accounts[account] = (account, await slip.Locator("code.secret").InnerTextAsync());
        }
        var quotas = (await secretariat.GetAsync($"/api/contests/{year}/quotas?pageSize=200")).GetProperty("items").EnumerateArray()
            .ToDictionary(q => q.GetProperty("unitCode").GetString()!, q => q.GetProperty("target").GetInt32());
        Assert.Equal((4, 3), (quotas[first], quotas[second]));
        Assert.False(quotas.ContainsKey(bad));
        Assert.DoesNotContain((await secretariat.GetAsync("/api/units?pageSize=200")).GetProperty("items").EnumerateArray(),
            u => u.GetProperty("code").GetString() == bad);

        // One unit sends an article, another its copy, lightly edited, under another title: refused as a duplicate.
        var article = ArticleCorpus.Generate(year * 10 + width, "Tràng Tiền", 300, 600) with { NomineeFullName = Nominee };
        using var firstUnit = system.Client(await system.TokenAsync($"unit-{first}", accounts[$"unit-{first}"].Secret));
        using var secondUnit = system.Client(await system.TokenAsync($"unit-{second}", accounts[$"unit-{second}"].Secret));
        Assert.Equal(HttpStatusCode.Created, (await firstUnit.PostAsJsonAsync($"/api/contests/{year}/entries", Entry(article, article.Title))).StatusCode);
        var copyTitle = $"Bản chép: {article.Title}";
        var copy = ArticleCorpus.Edit(article, EditKind.WordsAndCommasChanged, year + width);
        Assert.Equal(HttpStatusCode.Conflict, (await secondUnit.PostAsJsonAsync($"/api/contests/{year}/entries", Entry(copy, copyTitle))).StatusCode);

        // The duplicate beside its original, the shared passages marked.
        await web.OpenAsync($"/secretariat/{year}/refusals");
        await Assertions.Expect(page.Locator("ol.pairs li")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "So sánh hai bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("So sánh bài trùng với bài gốc");
        await Assertions.Expect(page.Locator("#original-title")).ToContainTextAsync(article.Title);
        await Assertions.Expect(page.Locator("#copy-title")).ToContainTextAsync(copyTitle);
        Assert.True(await page.Locator(".side-by-side section:first-child mark.shared").CountAsync() > 3, "the original's shared passages are marked");
        Assert.True(await page.Locator(".side-by-side section:last-child mark.shared").CountAsync() > 3, "the copy's shared passages are marked");
        Assert.True(await page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll(".side-by-side section:last-child .reading p")]
                .some(p => [...p.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 0))
            """), "the copy's own edits are left unmarked");
        await Assertions.Expect(page.Locator(".similarity")).ToContainTextAsync("%");
        await web.CheckPageAsync();
        if (!web.Phone)
        {
            await web.ScreenshotAsync("web-secretariat-duplicate.png");
        }

        // The entry found by its nominee's name typed without diacritics, and opened with the author's contacts.
        await web.OpenAsync($"/secretariat/{year}/entries");
        await page.Locator("#q").FillAsync("dang thi huong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.entries li")).ToHaveCountAsync(1);
        await web.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = article.Title }).ClickAsync();
        await Assertions.Expect(page.Locator("#author + dl")).ToContainTextAsync("0912 345 678");
        await web.CheckPageAsync();

        // The year at a glance, once reporting has counted the entry.
        await secretariat.WaitForTallyAsync(year, first, accepted: 1);
        await web.OpenAsync($"/secretariat/{year}");
        await Assertions.Expect(page.Locator("figure.chart svg title").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".tile").Nth(1)).ToContainTextAsync("1 bài được nhận");
        await Assertions.Expect(page.Locator(".tile").Nth(1)).ToContainTextAsync("1 lần gửi bài trùng");
        if (!web.Phone)
        {
            await web.ScreenshotAsync("web-secretariat-overview.png");
        }
    }

    [Fact]
    public async Task A_unit_and_a_judge_get_the_forbidden_page_for_the_secretariats_pages()
    {
        var year = system.NewYear();
        var secretariat = await Secretariat.SignInAsync(system);
        await secretariat.OpenContestAsync(year, 100, 2000);
        var unit = await secretariat.RegisterUnitAsync($"hang-trong-{year}", "Phường Hàng Trống", quota: 1, year);
        var judge = await secretariat.AddJudgeAsync(year, "Giám khảo Trần Thu Hà");

        foreach (var (account, secret, home) in new[] { (unit.ClientId, unit.Secret, $"/unit/{year}"), (judge.ClientId, judge.Secret, $"/judge/{year}") })
        {
            foreach (var width in new[] { 1280, 360 })
            {
                await using var web = await WebSession.StartAsync(system, width);
                await web.SignInAsync(account, secret, home);
                foreach (var path in new[] { $"/secretariat/{year}", $"/secretariat/{year}/units", $"/secretariat/{year}/refusals" })
                {
                    var response = await web.Page.GotoAsync(path);
                    Assert.Equal(403, response?.Status);
                    await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
                    await web.CheckPageAsync();
                }
            }
        }
    }

    private static object Entry(Article article, string title) => new
    {
        title,
        body = article.Body,
        field = article.Field,
        author = new { fullName = "Vũ Hải Nam", phone = "0912 345 678", email = "nam.vu@example.vn" },
        nominee = new { fullName = article.NomineeFullName, birthYear = article.NomineeBirthYear, address = new { street = "số 3 phố Tràng Tiền", ward = "Tràng Tiền" } }
    };

    /// <summary>A one-sheet workbook as a spreadsheet program saves it, every cell an inline string.</summary>
    private static byte[] Sheet(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c]))
                    });
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Đơn vị" }));
        }
        return stream.ToArray();
    }
}
