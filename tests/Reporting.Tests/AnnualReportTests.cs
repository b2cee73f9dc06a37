using System.Net;
using System.Net.Http.Headers;
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
        await Eventually.Until(() => MarkdownAsync(scenario.Year), text => text.Contains("01 bài Giấy khen"));
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
        "Qua 2 bài dự thi cấp thành phố, quận Hoàn Kiếm đã được thành phố biểu dương, khen thưởng 2 bài viết: 01 bài Giải Ba; 01 bài Giấy khen.",
        "Tổng mức khen thưởng trong năm: 12.500.000 đồng.",
        $"{scenario.NameOf(scenario.OverQuota)} (3/1 bài)",
        $"{scenario.NameOf(scenario.SendingDuplicates)} (2 lượt)",
        $"{scenario.NameOf(scenario.BreakingRules)}: viết về gương người tốt, việc tốt ở ngoài quận (01 lượt); không đủ số lượng từ quy định từ 1.300 đến tối đa không quá 1.500 từ (02 lượt)",
        $"{scenario.NameOf(scenario.WithoutEntries)}: không ghi rõ những thông tin của người dự thi (01 lượt)",
    ];

    [Fact]
    public async Task The_markdown_report_follows_the_seeds_layout_with_the_years_figures()
    {
        var scenario = await ReadyScenarioAsync();

        var markdown = await MarkdownAsync(scenario.Year);

        string[] headings =
        [
            "# BÁO CÁO", $"## KẾT QUẢ CUỘC THI “VIẾT VỀ GƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT” NĂM {scenario.Year}",
            "### 1. Công tác chỉ đạo, triển khai thực hiện", "### 2. Kết quả cụ thể", "#### 2.1. Về tác phẩm dự thi",
            "#### 2.2. Về gương người tốt, việc tốt được phát hiện qua cuộc thi", "### 3. Đánh giá chung", "#### 3.1. Ưu điểm", "#### 3.2. Tồn tại"
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

        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
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
        var rows = Assert.Single(word.MainDocumentPart!.Document!.Body!.Elements<Table>()).Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList());
        Assert.Contains(rows, r => r.Skip(1).Take(3).SequenceEqual(["Phường Hàng Mã", "2", "1"]));
    }

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
