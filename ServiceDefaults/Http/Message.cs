using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>A user-facing sentence in the contract's two languages: Vietnamese, the default, and English.</summary>
public sealed record Message(string Vi, string En)
{
    public string In(string language) => language == Language.English ? En : Vi;
}

/// <summary>The language an answer is worded in: English when <c>Accept-Language</c> prefers it, else Vietnamese.</summary>
public static class Language
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static string Of(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var range in accepted.OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (tag.StartsWith(English, StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
            if (tag.StartsWith(Vietnamese, StringComparison.OrdinalIgnoreCase) || tag == "*")
            {
                return Vietnamese;
            }
        }
        return Vietnamese;
    }

    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly TimeZoneInfo ContestZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>1.300 in Vietnamese, 1,300 in English.</summary>
    public static (string Vi, string En) Number(long value) =>
        (value.ToString("#,0", VietnameseNumbers), value.ToString("#,0", CultureInfo.InvariantCulture));

    /// <summary>An instant on the contest's calendar (Asia/Ho_Chi_Minh): "17:00 ngày 31/10/2019"; in English, ISO 8601.</summary>
    public static (string Vi, string En) Instant(DateTimeOffset instant) =>
        (TimeZoneInfo.ConvertTime(instant, ContestZone).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture),
            instant.ToString("O", CultureInfo.InvariantCulture));

    public static (string Vi, string En) Date(DateOnly date) =>
        (date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
