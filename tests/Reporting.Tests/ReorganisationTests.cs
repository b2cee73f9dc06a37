using System.Net.Http.Headers;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>Years organised by a ward after 1 July 2025, and units that changed as local government did.</summary>
public sealed class ReorganisationTests(ReportingFixture fixture)
{
    private static readonly ContestOrganiser Ward = new("Ủy ban nhân dân phường Hoàn Kiếm", ContestOrganiser.Ward, "phường Hoàn Kiếm", "Chủ tịch");

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    private async Task<string> DocumentAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var response = await fixture.Secretariat.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_ward_years_report_and_notice_name_the_ward_as_organiser()
    {
        var year = fixture.NewYear();
        var unit = $"y{year}-to-dan-pho-5";
        await fixture.Bus.PublishAsync(new ContestConfigured(year, "Người tốt, việc tốt phường Hoàn Kiếm", At(year, 1, 1), At(year, 11, 30), 1300, 1500, Ward));
        await fixture.RegisterUnitAsync(unit, "Tổ dân phố số 5");
        await fixture.Bus.PublishAsync(new QuotaSet(year, unit, 2));
        await fixture.AcceptAsync(year, unit, At(year, 3, 2));
        await fixture.RefuseAsync(year, unit, "nominee_outside_district", At(year, 3, 3));
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [unit] = (2, 1, 1, 0, 1) });
        var settings = await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/{year}/settings"),
            s => s.GetProperty("organiser").GetString() != "ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM");

        var report = await DocumentAsync($"/api/reports/{year}/annual");
        var notice = await DocumentAsync($"/api/reports/{year}/notices/{year}-03");

        Assert.Equal(("ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM", "Hoàn Kiếm"), (settings.GetProperty("organiser").GetString(), settings.GetProperty("place").GetString()));
        Assert.Contains("Các đơn vị thuộc phường", settings.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        foreach (var document in new[] { report, notice })
        {
            Assert.Contains("**ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM**", document);
            // Other tests' units, named "… quận", are listed in every year: the organiser's own words are what changes.
            Assert.All(new[] { "QUẬN HOÀN KIẾM", "cấp quận", "thuộc quận", "toàn quận", "UBND quận", "ngoài quận", "Quận ủy" },
                phrase => Assert.DoesNotContain(phrase, document, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains("bài dự thi cấp phường của 1 đơn vị", report);
        Assert.Contains("viết về gương người tốt, việc tốt ở ngoài phường (01 lượt)", report);
    }

    [Fact]
    public async Task A_district_year_keeps_the_district_as_organiser()
    {
        var year = fixture.NewYear();
        await fixture.Bus.PublishAsync(new ContestConfigured(year, "Người tốt, việc tốt", At(year, 1, 1), At(year, 11, 30), 1300, 1500));
        await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/units?from={year}&to={year}"),
            page => page.GetProperty("years").GetArrayLength() == 1);

        var report = await DocumentAsync($"/api/reports/{year}/annual");

        Assert.Contains("**ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM**", report);
        Assert.Contains("Thường trực Quận ủy", report);
    }

    [Fact]
    public async Task Figures_across_years_sum_a_merged_unit_into_its_successor_and_name_a_renamed_one_by_year()
    {
        var before = fixture.NewYear();
        var after = fixture.NewYear();
        var (oldWard, newWard, school) = ($"y{before}-phuong-hang-gai", $"y{before}-phuong-hoan-kiem", $"y{before}-truong-trung-vuong");
        await fixture.Bus.PublishAsync(new ContestConfigured(before, "Người tốt, việc tốt", At(before, 1, 1), At(before, 11, 30), 1300, 1500));
        await fixture.Bus.PublishAsync(new ContestConfigured(after, "Người tốt, việc tốt", At(after, 1, 1), At(after, 11, 30), 1300, 1500, Ward));
        await fixture.RegisterUnitAsync(oldWard, "Phường Hàng Gai");
        await fixture.RegisterUnitAsync(newWard, "Phường Hoàn Kiếm");
        await fixture.RegisterUnitAsync(school, "Trường THCS Trưng Vương quận Hoàn Kiếm", "school");
        await fixture.Bus.PublishAsync(new QuotaSet(before, oldWard, 3));
        await fixture.Bus.PublishAsync(new QuotaSet(before, school, 1));
        await fixture.Bus.PublishAsync(new QuotaSet(after, newWard, 5));
        foreach (var day in new[] { 2, 3, 4 })
        {
            await fixture.AcceptAsync(before, oldWard, At(before, 4, day));
        }
        await fixture.AcceptAsync(before, school, At(before, 4, 5));
        await fixture.AcceptAsync(after, newWard, At(after, 4, 2));
        await fixture.AcceptAsync(after, school, At(after, 4, 3));
        await fixture.WaitForTalliesAsync(after, $"{after}-12", new() { [newWard] = (5, 1, 0, 0, 0), [school] = (0, 1, 0, 0, 0) });
        await fixture.Bus.PublishAsync(new UnitMerged(oldWard, newWard, new DateOnly(after, 1, 1), DateTimeOffset.UtcNow));
        await fixture.Bus.PublishAsync(new UnitRenamed(school, "Trường THCS Trưng Vương phường Hoàn Kiếm", DateTimeOffset.UtcNow, new DateOnly(after, 1, 1)));

        var page = await Eventually.Until(() => fixture.GetJsonAsync(fixture.Secretariat, $"/api/reports/units?from={before}&to={after}&pageSize=200"),
            p => Row(p, newWard) is { } row && row.GetProperty("predecessors").GetArrayLength() == 1
                && Row(p, school)?.GetProperty("unitName").GetString() == "Trường THCS Trưng Vương phường Hoàn Kiếm");

        Assert.Equal([(before, "district"), (after, "ward")],
            page.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("level").GetString())));
        Assert.Null(Row(page, oldWard));
        var merged = Row(page, newWard)!.Value;
        Assert.Equal([oldWard], merged.GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal([(before, 3, 3), (after, 5, 1)], Years(merged));
        Assert.Equal([(before, 1, 1), (after, 0, 1)], Years(Row(page, school)!.Value));
        var earlier = await fixture.TalliesAsync(before, $"{before}-12", school);
        var later = await fixture.TalliesAsync(after, $"{after}-12", school);
        Assert.Equal(("Trường THCS Trưng Vương quận Hoàn Kiếm", "Trường THCS Trưng Vương phường Hoàn Kiếm"),
            (earlier[school].GetProperty("unitName").GetString(), later[school].GetProperty("unitName").GetString()));
    }

    private static JsonElement? Row(JsonElement page, string code) =>
        page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("unitCode").GetString() == code).Select(i => (JsonElement?)i).FirstOrDefault();

    private static IEnumerable<(int, int, int)> Years(JsonElement row) =>
        row.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("quota").GetInt32(), y.GetProperty("accepted").GetInt32()));
}
