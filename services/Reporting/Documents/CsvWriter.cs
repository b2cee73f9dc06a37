using System.Text;

namespace HoanKiem.Reporting.Documents;

/// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, so spreadsheet programs keep Vietnamese diacritics.</summary>
public static class CsvWriter
{
    public const string MediaType = "text/csv";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(Line(header));
        foreach (var row in rows)
        {
            csv.Append(Line(row.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
