using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoanKiem.ServiceDefaults.Text;

/// <summary>
/// Every string a request carries, checked to be Unicode text. JSON lets a client escape U+FFFE, which is no character,
/// and .NET's normalisation throws on it: each text field would fail later, as a 500, wherever it is put into NFC. Refused
/// here, it is malformed input (400), like the unpaired surrogates the JSON reader itself refuses.
/// </summary>
public sealed class UnicodeTextConverter : JsonConverter<string>
{
    private const char NotACharacter = '\uFFFE';

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(string text) =>
        text.Contains(NotACharacter) ? throw new JsonException("A text value holds U+FFFE, which is not a character.") : text;
}
