using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using HoanKiem.Contracts;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.Reporting.Tests;

/// <summary>The secretariat's spreadsheets carry the same numbers as the public tallies.</summary>
public sealed class ExportTests(ReportingFixture fixture)
{
    private async Task<(int Year, string Ward, string School)> SeedAsync()
    {
        var year = fixture.NewYear();
        string ward = $"x{year}-cua-dong", school = $"x{year}-thcs-trung-vuong";
        await fixture.RegisterUnitAsync(ward, "Phường Cửa Đông");
        await fixture.RegisterUnitAsync(school, "Trường THCS Trưng Vương, \"cơ sở 2\"", "school");
        await fixture.Bus.PublishAsync(new QuotaSet(year, ward, 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, school, 4));
        var at = new DateTimeOffset(year, 3, 5, 10, 0, 0, TimeSpan.FromHours(7));
        await fixture.AcceptAsync(year, ward, at.AddMonths(-1));
        await fixture.AcceptAsync(year, ward, at);
        await fixture.AcceptAsync(year, school, at);
        await fixture.RefuseAsync(year, school, "duplicate_entry", at);
        await fixture.RefuseAsync(year, school, "invalid_field", at);
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [ward] = (2, 2, 1, 0, 0), [school] = (4, 1, 1, 1, 1) });
        return (year, ward, school);
    }

    [Fact]
    public async Task The_csv_export_lists_every_unit_with_its_tally_in_utf8()
    {
        var (year, ward, school) = await SeedAsync();
        var unitsBefore = await UnitCountAsync(year);

        var response = await fixture.Secretariat.GetAsync($"/api/reports/{year}/tallies.csv?month={year}-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Mã đơn vị,Tên đơn vị,Chỉ tiêu,Bài hợp lệ lũy kế,Bài hợp lệ trong tháng,Gửi trùng lặp,Không đúng Thể lệ,Đạt chỉ tiêu", lines[0]);
        Assert.Contains($"{ward},Phường Cửa Đông,2,2,1,0,0,Có", lines);
        Assert.Contains($"{school},\"Trường THCS Trưng Vương, \"\"cơ sở 2\"\"\",4,1,1,1,1,Chưa", lines);
        // Tests running beside this one register units too: the export lists every unit known before it, and no more
        // than are known after it.
        Assert.InRange(lines.Length - 1, unitsBefore, await UnitCountAsync(year));
    }

    [Fact]
    public async Task A_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var year = fixture.NewYear();
        var unit = $"x{year}-cong-thuc";
        await fixture.RegisterUnitAsync(unit, "=HYPERLINK(\"http://x.invalid\",\"Phường\")");
        await fixture.Bus.PublishAsync(new QuotaSet(year, unit, 1));
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [unit] = (1, 0, 0, 0, 0) });

        var response = await fixture.Secretariat.GetAsync($"/api/reports/{year}/tallies.csv?month={year}-03");

        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Contains($"{unit},\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Phường\"\")\",1,0,0,0,0,Chưa", lines);
    }

    private async Task<int> UnitCountAsync(int year) =>
        (await fixture.GetJsonAsync(fixture.Anonymous, $"/api/reports/{year}/tallies?month={year}-03&pageSize=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task The_xlsx_export_is_a_workbook_with_the_tallies_as_text_and_numbers()
    {
        var (year, ward, school) = await SeedAsync();

        var response = await fixture.Secretariat.GetAsync($"/api/reports/{year}/tallies.xlsx?month={year}-02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var spreadsheet = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(spreadsheet).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = spreadsheet.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook!.Sheets!.Elements<Sheet>());
        Assert.Equal($"Tháng 02-{year}", sheet.Name?.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text).ToList())
            .ToList();
        Assert.Equal("Mã đơn vị", rows[0][0]);
        Assert.Contains(rows, r => r.SequenceEqual([ward, "Phường Cửa Đông", "2", "1", "1", "0", "0", "Chưa"]));
        Assert.Contains(rows, r => r.SequenceEqual([school, "Trường THCS Trưng Vương, \"cơ sở 2\"", "4", "0", "0", "0", "0", "Chưa"]));
    }

    [Fact]
    public async Task A_unit_name_holding_characters_xml_cannot_carry_is_exported_without_them()
    {
        var year = fixture.NewYear();
        var unit = $"x{year}-hang-buom";
        await fixture.RegisterUnitAsync(unit, "Phường\u0001 Hàng\u000B Buồm\uFFFE");
        await fixture.Bus.PublishAsync(new QuotaSet(year, unit, 1));
        await fixture.WaitForTalliesAsync(year, $"{year}-03", new() { [unit] = (1, 0, 0, 0, 0) });
        // The name travels on its own queue: wait for it too, not only for the figures.
        await Eventually.Until(() => fixture.TalliesAsync(year, $"{year}-03", unit),
            tallies => tallies.TryGetValue(unit, out var row) && row.GetProperty("unitName").GetString()!.StartsWith("Phường", StringComparison.Ordinal));

        var response = await fixture.Secretariat.GetAsync($"/api/reports/{year}/tallies.xlsx?month={year}-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var spreadsheet = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(spreadsheet).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = spreadsheet.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook!.Sheets!.Elements<Sheet>());
        var row = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).Single(r => r[0] == unit);
        Assert.Equal("Phường Hàng Buồm", row[1]);
    }

    [Fact]
    public async Task An_export_for_a_bad_month_is_a_400_problem()
    {
        var response = await fixture.Secretariat.GetAsync("/api/reports/2019/tallies.xlsx?month=2019-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"invalid_month\"", await response.Content.ReadAsStringAsync());
    }
}
