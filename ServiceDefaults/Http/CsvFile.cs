using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>
/// Every CSV export: RFC 4180 in UTF-8 with a byte-order mark (so spreadsheet programs keep Vietnamese diacritics),
/// and a text cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is written as text.
/// </summary>
public static class CsvFile
{
    public const string MediaType = "text/csv";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value);
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    public static FileContentHttpResult Result(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, string fileName) =>
        TypedResults.File(Write(header, rows), $"{MediaType}; charset=utf-8", fileName);
}
