using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The year-end report, laid out like part two of the 2019 report, with every figure from the data.</summary>
public sealed class AnnualReportTests(ReportingFixture fixture)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private async Task<YearScenario> ReadyScenarioAsync()
    {
        var scenario = new YearScenario(fixture, fixture.NewYear());
        await scenario.PublishAsync();
        await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{scenario.Year}/summary"), s =>
            s.GetProperty("entriesAccepted").GetInt32() == YearScenario.EntriesAccepted
            && s.GetProperty("refusedAttempts").GetInt32() == 4 && s.GetProperty("duplicateAttempts").GetInt32() == 2
            && s.GetProperty("totalRewardAmount").GetInt64() == YearScenario.TotalAmount
            && s.GetProperty("unitsCommended").GetInt32() == 2 && s.GetProperty("forwardedToCity").GetInt32() == 2
            && s.GetProperty("prizes").GetProperty("encouragement").GetInt32() == 1);
        await Eventually.Until(() => MarkdownAsync(scenario.Year), text => text.Contains("01 bài Giấy khen")
            && text.Contains("Cá nhân tiêu biểu của phong trào: Ông Lương Quốc Hưng.") && text.Contains("Ông Trần Văn Minh"));
        return scenario;
    }

    private async Task<string> MarkdownAsync(int year)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{year}/annual");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var response = await fixture.Secretariat.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sentences whose numbers the data decides, as both formats must carry them.</summary>
    private static string[] ExpectedSentences(YearScenario scenario) =>
    [
        "Ban tổ chức đã giao chỉ tiêu cho 5 đơn vị với tổng số 9 bài dự thi",
        "đã nhận được 7 bài dự thi cấp quận của 4 đơn vị; ngoài ra có 2 lượt gửi trùng lặp bài đã nhận và 4 lượt gửi không đúng Thể lệ đã bị từ chối.",
        "đã tổ chức chấm 4 bài dự thi, kết quả: 01 bài đạt giải Nhất; 02 bài đạt giải Nhì; 01 bài đạt giải Khuyến khích.",
        "đã lựa chọn được 2 tác phẩm có chất lượng để dự thi cấp Thành phố",
        "biểu dương, khen thưởng 2 tập thể có số lượng bài dự thi vượt chỉ tiêu",
        "Qua 9 gương Người tốt, việc tốt được giới thiệu từ cơ sở, sau khi thẩm định và xác minh (7 gương được xác minh), quận đã lựa chọn được 6 gương",
        "Qua 2 bài dự thi cấp thành phố, quận Hoàn Kiếm đã được thành phố biểu dương, khen thưởng 2 bài viết: 01 bài Giải Ba; 01 bài Giấy khen; UBND Thành phố biểu dương, khen thưởng 2 cá nhân tiêu biểu",
        "Tổng mức khen thưởng trong năm: 12.500.000 đồng.",
        $"{scenario.NameOf(scenario.OverQuota)} (3/1 bài)",
        $"{scenario.NameOf(scenario.SendingDuplicates)} (2 lượt)",
        $"{scenario.NameOf(scenario.BreakingRules)}: viết về gương người tốt, việc tốt ở ngoài quận (01 lượt); không đủ số lượng từ quy định từ 1.300 đến tối đa không quá 1.500 từ (02 lượt)",
        $"{scenario.NameOf(scenario.WithoutEntries)}: không ghi rõ những thông tin của người dự thi (01 lượt)",
        "Qua các phong trào thi đua từ cơ sở, đã biểu dương, khen thưởng 02 tổ dân phố văn hóa, 01 gia đình văn hóa, 01 cá nhân tiêu biểu với tổng số tiền thưởng 1.700.000 đồng.",
        $"Qua cuộc thi, 2 gương người tốt, việc tốt đã được khen thưởng: Bà Nguyễn Thị Lan ({scenario.NameOf(scenario.AtQuota)}); Ông Trần Văn Minh ({scenario.NameOf(scenario.OverQuota)}).",
        $"Giải Nhất: “Bài 1” ({scenario.NameOf(scenario.OverQuota)})",
        $"Giải Khuyến khích: “Bài 4” ({scenario.NameOf(scenario.OverQuota)})",
    ];

    [Fact]
    public async Task The_markdown_report_follows_the_seeds_layout_with_the_years_figures()
    {
        var scenario = await ReadyScenarioAsync();

        var markdown = await MarkdownAsync(scenario.Year);

        string[] headings =
        [
            "# BÁO CÁO",
            $"## Tổng kết phong trào “Người tốt, việc tốt” và cuộc thi “Viết về gương điển hình tiên tiến, người tốt, việc tốt” năm {scenario.Year}",
            $"## PHẦN THỨ NHẤT: KẾT QUẢ PHONG TRÀO THI ĐUA “NGƯỜI TỐT, VIỆC TỐT” NĂM {scenario.Year}",
            $"## PHẦN THỨ HAI: KẾT QUẢ CUỘC THI “VIẾT VỀ GƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT” NĂM {scenario.Year}",
            "### 1. Công tác chỉ đạo, triển khai thực hiện", "### 2. Kết quả cụ thể", "#### 2.1. Về tác phẩm dự thi",
            "#### 2.2. Về gương người tốt, việc tốt được phát hiện qua cuộc thi", "### 3. Đánh giá chung", "#### 3.1. Ưu điểm", "#### 3.2. Tồn tại",
            $"## PHẦN THỨ BA: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {scenario.Year + 1}"
        ];
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(headings, lines.Where(l => l.StartsWith('#')));
        foreach (var sentence in ExpectedSentences(scenario))
        {
            Assert.Contains(sentence, markdown);
        }
        Assert.Contains($"| {scenario.NameOf(scenario.OverQuota)} | 1 | 3 | 0 | 0 | Vượt |", markdown);
        Assert.Contains($"| {scenario.NameOf(scenario.AtQuota)} | 2 | 2 | 0 | 0 | Đạt |", markdown);
        Assert.Contains($"| {scenario.NameOf(scenario.BreakingRules)} | 3 | 1 | 0 | 3 | Chưa đạt |", markdown);
        var withoutEntries = lines.Single(l => l.Contains("chưa gửi bài dự thi nào"));
        Assert.Contains(scenario.NameOf(scenario.WithoutEntries), withoutEntries);
        Assert.DoesNotContain(scenario.NameOf(scenario.AtQuota), withoutEntries);
        Assert.Contains("được tổ chức từ ngày 01/01/", markdown);
    }

    [Fact]
    public async Task The_word_report_has_headings_a_unit_table_and_the_same_figures_with_diacritics_intact()
    {
        var scenario = await ReadyScenarioAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{scenario.Year}/annual");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DocxType));

        var response = await fixture.Secretariat.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = word.MainDocumentPart!.Document!.Body!;
        var styles = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToHashSet();

        var headings = body.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText))
            .Where(p => p.Style?.StartsWith("Heading") == true).ToList();
        Assert.All(headings, h => Assert.Contains(h.Style, styles));
        Assert.Equal(
        [
            ("Heading1", "BÁO CÁO"), ("Heading3", "1. Công tác chỉ đạo, triển khai thực hiện"), ("Heading3", "2. Kết quả cụ thể"),
            ("Heading4", "2.1. Về tác phẩm dự thi"), ("Heading4", "2.2. Về gương người tốt, việc tốt được phát hiện qua cuộc thi"),
            ("Heading3", "3. Đánh giá chung"), ("Heading4", "3.1. Ưu điểm"), ("Heading4", "3.2. Tồn tại")
        ], headings.Where(h => h.Style != "Heading2"));

        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        foreach (var sentence in ExpectedSentences(scenario))
        {
            Assert.Contains(sentence, text);
        }

        var tables = body.Elements<Table>().Select(Rows).ToList();
        Assert.Equal(4, tables.Count);
        Assert.Contains(OfficialLayoutNationalName, tables[0][0][1]);
        Assert.Contains("Nơi nhận:", tables[^1][0][0]);
        Assert.Equal(["STT", "Danh hiệu", "Số lượng", "Số tiền thưởng"], tables[1][0]);
        Assert.Equal(["", "Tổng cộng", "4", "1.700.000 đồng"], tables[1][^1]);
        var rows = tables[2];
        Assert.Equal(["STT", "Đơn vị", "Chỉ tiêu", "Bài dự thi", "Gửi trùng lặp", "Không đúng Thể lệ", "Đánh giá"], rows[0]);
        Assert.Contains(rows, r => r.Skip(1).SequenceEqual([scenario.NameOf(scenario.OverQuota), "1", "3", "0", "0", "Vượt"]));
        Assert.Contains(rows, r => r.Skip(1).SequenceEqual([scenario.NameOf(scenario.SendingDuplicates), "1", "1", "2", "0", "Đạt"]));
        Assert.Contains(rows, r => r.Skip(1).SequenceEqual([scenario.NameOf(scenario.WithoutEntries), "2", "0", "0", "1", "Chưa đạt"]));
        Assert.Equal(["", "Tổng cộng"], rows[^1].Take(2));
    }

    [Fact]
    public async Task A_unit_name_holding_characters_xml_cannot_carry_gives_a_valid_word_report_without_them()
    {
        var year = fixture.NewYear();
        var unit = $"z{year}-hang-ma";
        await fixture.RegisterUnitAsync(unit, "Phường\u0007 Hàng\u001B Mã\uFFFF");
        await fixture.Bus.PublishAsync(new QuotaSet(year, unit, 2));
        await fixture.AcceptAsync(year, unit, new DateTimeOffset(year, 3, 5, 10, 0, 0, TimeSpan.FromHours(7)));
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [unit] = (2, 1, 1, 0, 0) });
        // The name travels on its own queue: wait for it too, not only for the figures.
        await Eventually.Until(() => fixture.TalliesAsync(year, $"{year}-03", unit),
            tallies => tallies.TryGetValue(unit, out var row) && row.GetProperty("unitName").GetString()!.StartsWith("Phường", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{year}/annual");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DocxType));

        var response = await fixture.Secretariat.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var rows = word.MainDocumentPart!.Document!.Body!.Elements<Table>().Select(Rows).Single(t => t[0].Contains("Đơn vị"));
        Assert.Contains(rows, r => r.Skip(1).Take(3).SequenceEqual(["Phường Hàng Mã", "2", "1"]));
    }

    [Fact]
    public async Task The_years_settings_put_its_head_narrative_and_signature_around_the_computed_figures()
    {
        var scenario = await ReadyScenarioAsync();
        var year = scenario.Year;
        var refused = await fixture.Secretariat.PutAsJsonAsync($"/api/reports/{year}/settings", new { organiser = new string('x', 201), number = "1/BC" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null((await fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{year}/settings")).GetProperty("number").GetString());

        var put = await fixture.Secretariat.PutAsJsonAsync($"/api/reports/{year}/settings", new
        {
            number = "25/BC-UBND",
            date = $"{year}-12-06",
            signerName = "Nguyễn Chí Lực",
            recipients = new[] { "UBND thành phố Hà Nội", "Lưu: VT, NV" },
            movementNarrative = "Năm nay các phong trào thi đua được phát động sâu rộng.\n\nĐoạn hai của phần thứ nhất.",
            causes = "Nguyên nhân chủ yếu do một số nơi chưa quan tâm hưởng ứng.",
            nextYearTasks = "Thi đua đưa Nghị quyết vào cuộc sống.\n\nTiếp tục đổi mới công tác thi đua, khen thưởng."
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var markdown = await MarkdownAsync(year);
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        Assert.Contains("**ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM**", lines);
        Assert.Contains("Số: 25/BC-UBND", lines);
        Assert.Contains($"**{OfficialLayoutNationalName}**", lines);
        Assert.Contains($"*Hoàn Kiếm, ngày 06 tháng 12 năm {year}*", lines);
        Assert.Contains("Đoạn hai của phần thứ nhất.", lines);
        Assert.Contains("### 4. Nguyên nhân", lines);
        Assert.Contains("Tiếp tục đổi mới công tác thi đua, khen thưởng.", lines);
        Assert.Equal(["- UBND thành phố Hà Nội;", "- Lưu: VT, NV."], lines.SkipWhile(l => l != "**Nơi nhận:**").Where(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal(["**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**", "", "**Nguyễn Chí Lực**"], lines.SkipWhile(l => !l.StartsWith("**TM.", StringComparison.Ordinal)).Take(4));
        foreach (var sentence in ExpectedSentences(scenario))
        {
            Assert.Contains(sentence, markdown);
        }
    }

    [Fact]
    public async Task The_word_report_opens_in_libreoffice_and_prints_every_part()
    {
        var scenario = await ReadyScenarioAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{scenario.Year}/annual");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DocxType));
        var response = await fixture.Secretariat.SendAsync(request);
        var directory = Directory.CreateTempSubdirectory("hoankiem-report-");
        try
        {
            var docx = Path.Combine(directory.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(docx, await response.Content.ReadAsByteArrayAsync());

            await RunAsync("soffice", $"-env:UserInstallation=file://{directory.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, docx);
            var pdf = Path.Combine(directory.FullName, "bao-cao.pdf");
            var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(await RunAsync("pdfinfo", pdf), @"Pages:\s+(\d+)").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            // Lines break where the page does: the words are compared, not the lines.
            var text = string.Join(' ', (await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-")).Normalize(System.Text.NormalizationForm.FormC)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, Path.Combine(directory.FullName, "page"));

            Assert.InRange(pages, 3, 10);
            foreach (var expected in new[] { "BÁO CÁO", "PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "PHẦN THỨ BA", OfficialLayoutNationalName, "Nơi nhận:", "Tổng cộng",
                scenario.NameOf(scenario.OverQuota), "1.700.000 đồng" })
            {
                Assert.Contains(expected, text);
            }
            var image = Assert.Single(directory.GetFiles("page*.png"));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(image.FullName)).Take(4));
            image.CopyTo(Path.Combine(Repository.Root, "docs", "images", "annual-report-page-1.png"), overwrite: true);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }


    /// <summary>Runs a Debian tool to its end and returns what it printed; a failure fails the test with its output.</summary>
    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    private const string OfficialLayoutNationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>A table's cells by row; a cell of several paragraphs reads as its lines joined.</summary>
    private static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>()
            .Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList())];

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("text/html")]
    [InlineData("text/markdown;q=0")]
    public async Task Another_media_type_is_a_406_problem(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/2019/annual");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await fixture.Secretariat.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"not_acceptable\"", await response.Content.ReadAsStringAsync());
    }
}
