using System.Globalization;

namespace HoanKiem.Reporting.Documents;

/// <summary>Numbers and dates as the district's documents write them: 1.300, 90.300.000 đồng, 14/9/2018, "01 bài".</summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>Counts below ten get a leading zero, as in "01 bài đạt giải Nhất; 02 bài đạt giải Nhì".</summary>
    public static string Count(int value) => value is >= 0 and < 10 ? value.ToString("D2", CultureInfo.InvariantCulture) : Number(value);

    public static string Money(long amount) => $"{Number(amount)} đồng";

    public static string Date(DateTimeOffset localInstant) => localInstant.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

}
