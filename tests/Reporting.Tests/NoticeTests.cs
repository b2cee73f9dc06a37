using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The monthly notice to every unit and the list of units to remind, from the scenario's year.</summary>
public sealed class NoticeTests(ReportingFixture fixture)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private async Task<YearScenario> ReadyScenarioAsync()
    {
        var scenario = new YearScenario(fixture, fixture.NewYear());
        await scenario.PublishAsync();
        // Every count of the year in, the withdrawal too: the notices read them month by month.
        await fixture.WaitForTalliesAsync(scenario.Year, $"{scenario.Year}-06", new()
        {
            [scenario.AtQuota] = (2, 2, 0, 0, 0),
            [scenario.OverQuota] = (1, 3, 0, 0, 0),
            [scenario.WithoutEntries] = (2, 0, 0, 0, 1),
            [scenario.SendingDuplicates] = (1, 1, 0, 2, 0),
            [scenario.BreakingRules] = (3, 1, 1, 0, 3)
        });
        return scenario;
    }

    [Fact]
    public async Task A_months_notice_counts_every_unit_against_its_quota_and_names_those_that_sent_nothing()
    {
        var scenario = await ReadyScenarioAsync();
        var year = scenario.Year;

        var markdown = await (await GetAsync($"/api/reports/{year}/notices/{year}-03", "text/markdown")).Content.ReadAsStringAsync();

        Assert.Contains("# THÔNG BÁO", markdown);
        Assert.Contains($"tháng 03/{year}", markdown);
        Assert.Contains($"Số:       /TB-UBND", markdown);
        Assert.Contains("*Hoàn Kiếm, ngày ", markdown);
        Assert.Contains($"| 1 | {scenario.NameOf(scenario.AtQuota)} | 2 | 1 | 2 | 100% | Đạt chỉ tiêu |", markdown);
        Assert.Contains($"| {scenario.NameOf(scenario.OverQuota)} | 1 | 0 | 1 | 100% | Không gửi bài trong tháng |", markdown);
        Assert.Contains($"| {scenario.NameOf(scenario.WithoutEntries)} | 2 | 0 | 0 | 0% | Chưa gửi bài |", markdown);
        Assert.Contains($"Các đơn vị chưa gửi bài dự thi nào từ đầu năm (2 đơn vị): {scenario.NameOf(scenario.BreakingRules)}, {scenario.NameOf(scenario.WithoutEntries)}.", markdown);
        Assert.Contains($"Các đơn vị không gửi bài dự thi trong tháng 03/{year} (2 đơn vị): {scenario.NameOf(scenario.SendingDuplicates)}, {scenario.NameOf(scenario.OverQuota)}.", markdown);
        Assert.Contains("Ban tổ chức đề nghị các đơn vị nêu trên khẩn trương", markdown);
        Assert.Contains($"trước ngày 30/11/{year}", markdown);
        Assert.Contains("**Nơi nhận:**", markdown);

        var reminders = await fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{year}/reminders?month={year}-03");
        Assert.Equal(
            [(scenario.BreakingRules, "nothing_this_year"), (scenario.WithoutEntries, "nothing_this_year"),
             (scenario.SendingDuplicates, "nothing_this_month"), (scenario.OverQuota, "nothing_this_month")],
            reminders.EnumerateArray().Select(r => (r.GetProperty("unitCode").GetString()!, r.GetProperty("reason").GetString()!)));

        var csv = await GetAsync($"/api/reports/{year}/reminders.csv?month={year}-03", "text/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã đơn vị,Tên đơn vị,Chỉ tiêu", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{scenario.WithoutEntries},{scenario.NameOf(scenario.WithoutEntries)},2,0,0,Chưa gửi bài nào từ đầu năm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_word_notice_is_valid_and_says_the_same()
    {
        var scenario = await ReadyScenarioAsync();

        var response = await GetAsync($"/api/reports/{scenario.Year}/notices/{scenario.Year}-06", DocxType);

        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"thong-bao-thang-{scenario.Year}-06.docx", response.Content.Headers.ContentDisposition?.ToString());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("THÔNG BÁO", text);
        Assert.Contains($"Trong tháng 06/{scenario.Year} có 1/5 đơn vị gửi bài với tổng số 1 bài dự thi hợp lệ; lũy kế từ đầu năm 7 bài", text);
        Assert.Contains(scenario.NameOf(scenario.WithoutEntries), text);
    }

    [Theory]
    [InlineData("{0}-13")]
    [InlineData("{1}-03")]
    [InlineData("march")]
    public async Task A_month_that_is_not_one_of_the_years_is_a_400_problem(string month)
    {
        var year = fixture.NewYear();
        var asked = string.Format(System.Globalization.CultureInfo.InvariantCulture, month, year, year + 1);

        var notice = await fixture.Secretariat.GetAsync($"/api/reports/{year}/notices/{asked}");
        var reminders = await fixture.Secretariat.GetAsync($"/api/reports/{year}/reminders?month={asked}");

        foreach (var response in new[] { notice, reminders })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("invalid_month", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Notices_are_the_secretariats_alone()
    {
        var year = fixture.NewYear();

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync($"/api/reports/{year}/notices/{year}-03")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync($"/api/reports/{year}/reminders")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await fixture.Secretariat.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
