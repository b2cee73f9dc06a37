using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoanKiem.ServiceDefaults.Text;

/// <summary>
/// Every string a request carries, checked to be text a person could have typed. JSON lets a client escape what no
/// keyboard gives: control characters (which break the XML of the year's .docx and .xlsx, and forge log lines),
/// noncharacters such as U+FFFE (on which .NET's normalisation throws) and the bidirectional overrides and isolates
/// that make a name or an article display otherwise than it reads. Such text is refused here, before any handler
/// runs, as <see cref="TextRefusedException"/>: a 422 naming the field. Line breaks and tabs are text only in the
/// fields marked <see cref="MultiLineTextAttribute"/>.
/// </summary>
public sealed class UnicodeTextConverter(bool multiLine = false) : JsonConverter<string>
{
    // C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates, and the BMP's noncharacters; the low
    // surrogates U+DFFE/U+DFFF are searched for too, as they end every other plane's two noncharacters.
    private static readonly SearchValues<char> SingleLineRefused = SearchValues.Create(Refused(allowLineBreaks: false));
    private static readonly SearchValues<char> MultiLineRefused = SearchValues.Create(Refused(allowLineBreaks: true));

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private string Checked(string text) =>
        RefusedCharacter(text, multiLine) is { } refused ? throw new TextRefusedException(refused, Describe(refused)) : text;

    /// <summary>The first character <paramref name="text"/> may not hold, as a code point, or null when it is all text.</summary>
    public static int? RefusedCharacter(string text, bool multiLine = false)
    {
        var refused = multiLine ? MultiLineRefused : SingleLineRefused;
        var from = 0;
        while (text.AsSpan(from).IndexOfAny(refused) is var found and >= 0)
        {
            var at = from + found;
            var c = text[at];
            if (!char.IsLowSurrogate(c))
            {
                return c;
            }
            // U+nFFFE and U+nFFFF: a high surrogate whose low six bits are all set, then U+DFFE or U+DFFF.
            if (at > 0 && char.IsHighSurrogate(text[at - 1]) && (text[at - 1] & 0x3F) == 0x3F)
            {
                return char.ConvertToUtf32(text[at - 1], c);
            }
            from = at + 1;
        }
        return null;
    }

    private static string Describe(int codePoint) => codePoint switch
    {
        '\n' or '\r' or '\t' => "a line break or tab, which this single-line field may not hold",
        < 0x20 or (>= 0x7F and <= 0x9F) => "a control character",
        (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => "a bidirectional override, which makes text display otherwise than it reads",
        _ => "a noncharacter, which is no text"
    };

    private static string Refused(bool allowLineBreaks)
    {
        var refused = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (!allowLineBreaks || c is not ('\n' or '\r' or '\t'))
            {
                refused.Add(c);
            }
        }
        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            refused.Add(c);
        }
        refused.AddRange("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFFFE\uFFFF\uDFFE\uDFFF");
        for (var c = '\uFDD0'; c <= '\uFDEF'; c++)
        {
            refused.Add(c);
        }
        return new string([.. refused]);
    }
}

/// <summary>Marks a string property as multi-line text (an article, a comment): line breaks and tabs are allowed in it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MultiLineTextAttribute : JsonConverterAttribute
{
    public override JsonConverter CreateConverter(Type typeToConvert) => new UnicodeTextConverter(multiLine: true);
}

/// <summary>
/// A request's text value holds a character text may not hold. A <see cref="JsonException"/>, so the serializer adds
/// the field's path and the request is refused the way every unreadable body is, then answered as 422
/// <c>invalid_text</c> rather than 400 (see <c>ProblemResponses</c>).
/// </summary>
public sealed class TextRefusedException(int codePoint, string what)
    : JsonException($"The text holds U+{codePoint:X4}, {what}.")
{
    public int CodePoint { get; } = codePoint;
}
