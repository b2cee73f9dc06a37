using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HoanKiem.Web.Api;

namespace HoanKiem.Web.Components.Pages.Secretariat.Recognition;

/// <summary>One row of an imported sheet: the title it asks for and what is wrong with it before anything is saved.</summary>
public sealed record TitleRow(int Line, NewCommendation Title, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the movement's titles from a spreadsheet (.xlsx) or a .csv: a header row, then one title a row. Columns are
/// found by their heading, in Vietnamese or as the API names them, in any order.
/// </summary>
public static class TitleImport
{
    public const int MaxRows = 1000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["danh hiệu"] = "category", ["category"] = "category",
        ["tên"] = "name", ["tên tập thể, cá nhân"] = "name", ["name"] = "name",
        ["mã đơn vị"] = "unitCode", ["unitcode"] = "unitCode",
        ["lĩnh vực"] = "field", ["field"] = "field",
        ["số tiền"] = "amount", ["amount"] = "amount",
        ["số quyết định"] = "decisionNumber", ["decisionnumber"] = "decisionNumber",
        ["hình thức"] = "form", ["form"] = "form",
        ["ngày ký"] = "signedOn", ["signedon"] = "signedOn"
    };

    public static string Template => "Danh hiệu,Tên,Mã đơn vị,Lĩnh vực,Số tiền,Số quyết định,Hình thức,Ngày ký";

    /// <summary>The rows of the file, or null when it is neither a readable .xlsx nor a .csv.</summary>
    public static List<TitleRow>? Read(Stream file, string fileName, IReadOnlyCollection<string> knownForms)
    {
        List<string[]>? table;
        try
        {
            table = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(file) : ReadCsv(file);
        }
        catch (Exception exception) when (exception is CsvFormatException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            return null;
        }
        if (table is not { Count: > 0 })
        {
            return null;
        }
        var header = table[0].Select(h => Columns.GetValueOrDefault(h.Normalize(NormalizationForm.FormC).Trim())).ToArray();
        return [.. table.Skip(1).Take(MaxRows).Select((cells, i) => Row(i + 2, header, cells, knownForms)).Where(r => r is not null).Select(r => r!)];
    }

    private static TitleRow? Row(int line, string?[] header, string[] cells, IReadOnlyCollection<string> knownForms)
    {
        string? Cell(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < cells.Length && cells[i].Trim() is { Length: > 0 } text
            ? text.Normalize(NormalizationForm.FormC) : null;
        if (cells.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }
        var problems = new List<string>();
        var category = Category(Cell("category"));
        if (category is null)
        {
            problems.Add("Danh hiệu phải là một trong: " + string.Join(", ", RecognitionNav.Categories.Select(RecognitionNav.Category)) + ".");
        }
        var name = Cell("name");
        if (name is null or { Length: > 300 })
        {
            problems.Add("Thiếu tên tập thể, cá nhân (tối đa 300 ký tự).");
        }
        var field = Field(Cell("field"));
        if (field is null)
        {
            problems.Add("Lĩnh vực phải là một trong sáu lĩnh vực của phong trào.");
        }
        var decision = Cell("decisionNumber");
        if (decision is null or { Length: > 100 })
        {
            problems.Add("Thiếu số quyết định.");
        }
        long? amount = null;
        if (Cell("amount") is { } amountText)
        {
            if (long.TryParse(amountText.Replace(".", "").Replace(",", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                amount = a;
            }
            else
            {
                problems.Add($"Số tiền “{amountText}” không phải số nguyên đồng.");
            }
        }
        var form = Cell("form")?.ToLowerInvariant();
        if (form is not null && !knownForms.Contains(form))
        {
            problems.Add($"Hình thức “{form}” không có trong bảng mức thưởng.");
        }
        if (amount is null && form is null && Cell("amount") is null)
        {
            problems.Add("Ghi số tiền, hoặc hình thức khen thưởng để tính theo bảng mức thưởng.");
        }
        DateOnly? signedOn = null;
        if (Cell("signedOn") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                signedOn = date;
            }
            else if (double.TryParse(dateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100_000)
            {
                signedOn = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }
            else
            {
                problems.Add($"Ngày ký “{dateText}” không đúng dạng ngày/tháng/năm.");
            }
        }
        return new TitleRow(line, new NewCommendation(category, name, Cell("unitCode"), field, amount, decision, form, signedOn), problems);
    }

    private static string? Category(string? text) => text is null ? null
        : RecognitionNav.Categories.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(RecognitionNav.Category(c), text, StringComparison.OrdinalIgnoreCase));

    private static string? Field(string? text) => text is null ? null
        : Vietnamese.DefaultFields.FirstOrDefault(f => string.Equals(f.Code, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.Name, text, StringComparison.OrdinalIgnoreCase))?.Code;

    private static List<string[]> ReadCsv(Stream file)
    {
        // The separator is detected, so a sheet saved by a Vietnamese-locale spreadsheet program (semicolons) reads too.
        using var csv = CsvReader.Create(file, CsvReaderOptions.Default with { HasHeader = false, TrimWhitespace = true }, leaveOpen: true);
        var rows = new List<string[]>();
        while (rows.Count <= MaxRows && csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }
        return rows;
    }

    private static List<string[]> ReadXlsx(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        using var document = SpreadsheetDocument.Open(buffer, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>().Take(MaxRows + 1))
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                var value = cell.CellValue?.Text ?? cell.InnerText;
                cells.Add(cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var i) && i < shared.Count ? shared[i]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : value);
            }
            rows.Add([.. cells]);
        }
        return rows;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (reference is null)
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
