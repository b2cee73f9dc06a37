using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Web.Api;

namespace HoanKiem.Web.Components.Pages.Secretariat.Units;

/// <summary>One row of the sheet as checked: what it will do, or why it cannot be saved.</summary>
public sealed record ImportRow(int Line, string Code, string Name, string Kind, int? Quota, string? Problem, bool Exists)
{
    public bool Valid => Problem is null;
}

/// <summary>
/// The units and quotas the secretariat keeps in a spreadsheet (.xlsx) or a CSV file, read by their Vietnamese headers
/// ("Mã đơn vị", "Tên đơn vị", "Loại", "Chỉ tiêu"), in any order and with or without diacritics.
/// </summary>
public static class UnitSheet
{
    public const long MaxBytes = 1024 * 1024;
    private static readonly string[] Columns = ["code", "name", "kind", "quota"];

    /// <summary>The rows under the header, each as the four columns' text, with its line in the file; or what is wrong with the file.</summary>
    public static async Task<(List<(int Line, string?[] Cells)> Rows, string? Problem)> ReadAsync(Stream upload, string fileName)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        buffer.Position = 0;
        List<(int Line, List<string?> Cells)> table;
        try
        {
            table = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv(buffer) : Xlsx(buffer);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ([], "Không đọc được tệp này; hãy lưu lại dưới dạng Excel (.xlsx) hoặc CSV (UTF-8) rồi thử lại.");
        }
        var headerAt = table.FindIndex(r => r.Cells.Any(c => Column(c) == "code"));
        if (headerAt < 0)
        {
            return ([], "Không thấy dòng tiêu đề: tệp cần các cột “Mã đơn vị”, “Tên đơn vị”, “Loại”, “Chỉ tiêu”.");
        }
        var header = table[headerAt].Cells.Select(Column).ToList();
        if (!header.Contains("name"))
        {
            return ([], "Tệp thiếu cột “Tên đơn vị”.");
        }
        var rows = table.Skip(headerAt + 1)
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => (r.Line, Columns.Select(name => header.IndexOf(name) is var i and >= 0 && i < r.Cells.Count ? r.Cells[i]?.Trim() : null).ToArray()))
            .ToList();
        return (rows, null);
    }

    /// <summary>Every row's problem, before anything is saved: a code twice in the file, a bad code, name, kind or quota.</summary>
    public static List<ImportRow> Check(IEnumerable<(int Line, string?[] Cells)> rows, IReadOnlyList<UnitAccount> registered)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var checkedRows = new List<ImportRow>();
        foreach (var (line, cells) in rows)
        {
            var code = cells[0] ?? "";
            var name = VietnameseText.Clean(cells[1]) ?? "";
            var kind = string.IsNullOrWhiteSpace(cells[2]) ? "ward" : UnitKinds.Parse(cells[2]);
            int? quota = null;
            var problems = new List<string>();
            if (code.Length == 0)
            {
                problems.Add("Thiếu mã đơn vị.");
            }
            else if (!UnitCodes.IsValid(code))
            {
                problems.Add("Mã đơn vị chỉ gồm 2 đến 40 chữ không dấu, số hoặc dấu gạch ngang.");
            }
            else if (seen.TryGetValue(code, out var earlier))
            {
                problems.Add($"Mã này đã có ở dòng {earlier}.");
            }
            else
            {
                seen[code] = line;
            }
            if (name.Length is 0 or > 200)
            {
                problems.Add("Tên đơn vị có từ 1 đến 200 ký tự.");
            }
            if (kind is null)
            {
                problems.Add($"Không rõ loại “{cells[2]}”: dùng {string.Join(", ", UnitKinds.All.Select(k => k.Name))}.");
            }
            if (!string.IsNullOrWhiteSpace(cells[3]))
            {
                if (int.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var target) && target is >= 0 and <= 100_000)
                {
                    quota = target;
                }
                else
                {
                    problems.Add($"Chỉ tiêu “{cells[3]}” không phải một số nguyên từ 0 đến 100.000.");
                }
            }
            var exists = registered.Any(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));
            checkedRows.Add(new ImportRow(line, code, name, kind ?? "", quota, problems.Count == 0 ? null : string.Join(" ", problems), exists));
        }
        return checkedRows;
    }

    /// <summary>The column a header names, folded: "Mã đơn vị", "MA DON VI" and "mã" alike.</summary>
    private static string? Column(string? header)
    {
        var folded = header is null ? "" : VietnameseText.Fold(header).Trim();
        return folded switch
        {
            "ma don vi" or "ma" or "ma dv" or "code" => "code",
            "ten don vi" or "ten" or "ten dv" or "name" => "name",
            "loai" or "loai don vi" or "kind" => "kind",
            _ when folded.StartsWith("chi tieu", StringComparison.Ordinal) || folded == "quota" => "quota",
            _ => null
        };
    }

    private static List<(int Line, List<string?> Cells)> Csv(Stream stream)
    {
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: true);
        var rows = new List<(int, List<string?>)>();
        var line = 0;
        while (csv.Read())
        {
            line++;
            rows.Add((line, [.. Enumerable.Range(0, csv.FieldCount).Select(i => (string?)csv.GetString(i))]));
        }
        return rows;
    }

    private static List<(int Line, List<string?> Cells)> Xlsx(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<(int, List<string?>)>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(null);
                }
                var type = cell.DataType?.Value;
                cells.Add(type == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index < shared.Count ? shared[index]
                    : type == CellValues.InlineString ? cell.InlineString?.InnerText
                    : cell.CellValue?.Text);
            }
            rows.Add(((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells));
        }
        return rows;
    }

    /// <summary>"C7" is column 2 (from 0).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var letter in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(letter) - 'A' + 1);
        }
        return index - 1;
    }
}
