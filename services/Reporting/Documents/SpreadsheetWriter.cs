using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HoanKiem.Reporting.Documents;

/// <summary>One worksheet: a bold header row, text as inline strings and counts as numbers the secretariat can sum.</summary>
public static class SpreadsheetWriter
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows)
    {
        using var stream = new MemoryStream();
        using (var spreadsheet = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = spreadsheet.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

            var data = new SheetData();
            data.Append(Row(1, header.Cast<object>(), bold: true));
            var index = 2u;
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, bold: false));
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 40, CustomWidth = true }),
                data);
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = XmlText.Clean(sheetName) }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object> values, bool bold)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = $"{ColumnName(column++)}{index}";
            var cell = value switch
            {
                int or long => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value)) },
                _ => new Cell(new InlineString(new Text(XmlText.Clean(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }))
                    { CellReference = reference, DataType = CellValues.InlineString }
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }
            row.Append(cell);
        }
        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{ColumnName(index / 26 - 1)}{(char)('A' + index % 26)}";
}
