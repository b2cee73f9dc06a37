using System.Text.Json;
using HoanKiem.ServiceDefaults.Text;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class UnicodeTextConverterTests
{
    private sealed record Note(string? Name, [property: MultiLineText] string? Body, Dictionary<string, int>? Scores);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new UnicodeTextConverter() } };

    private static Note Read(string json) => JsonSerializer.Deserialize<Note>(json, Options)!;

    [Theory]
    [InlineData("Hàng Gai")]
    [InlineData("Đỗ Quốc Huy – “Người tốt” ‘việc tốt’ … 50%")]
    [InlineData("Zero\u200Bwidth, soft\u00ADhyphen, marks \u200E\u200F, BOM \uFEFF")]
    [InlineData("Emoji 👨‍👩‍👧 and a letter beyond the BMP 𝐚")]
    [InlineData("\uD83D\uDFFE is U+1F7FE, no noncharacter")]
    [InlineData("\uFFFD\uFDCF\uFDF0")]
    public void Text_a_person_can_type_reads_unchanged(string text)
    {
        var json = JsonSerializer.Serialize(new { name = text, body = text, scores = new Dictionary<string, int> { [text] = 1 } });

        var note = Read(json);

        Assert.Equal(text, note.Name);
        Assert.Equal(text, note.Body);
        Assert.Equal(text, Assert.Single(note.Scores!).Key);
    }

    [Theory]
    [InlineData("\\u0000", 0x0000)]
    [InlineData("\\u0007", 0x0007)]
    [InlineData("\\u001B[31m", 0x001B)]
    [InlineData("\\n", 0x000A)]
    [InlineData("\\r", 0x000D)]
    [InlineData("\\t", 0x0009)]
    [InlineData("\\u007F", 0x007F)]
    [InlineData("\\u0085", 0x0085)]
    [InlineData("\\u009F", 0x009F)]
    [InlineData("\\u202A", 0x202A)]
    [InlineData("\\u202E", 0x202E)]
    [InlineData("\\u2066", 0x2066)]
    [InlineData("\\u2069", 0x2069)]
    [InlineData("\\uFDD0", 0xFDD0)]
    [InlineData("\\uFDEF", 0xFDEF)]
    [InlineData("\\uFFFE", 0xFFFE)]
    [InlineData("\\uFFFF", 0xFFFF)]
    [InlineData("\\uD83F\\uDFFE", 0x1FFFE)]
    [InlineData("\\uDBFF\\uDFFF", 0x10FFFF)]
    public void A_single_line_field_refuses_controls_noncharacters_and_bidirectional_overrides_naming_the_field(string escaped, int codePoint)
    {
        var refused = Assert.Throws<TextRefusedException>(() => Read($"{{\"name\":\"Hàng {escaped} Gai\"}}"));

        Assert.Equal(codePoint, refused.CodePoint);
        Assert.Equal("$.name", refused.Path);
        Assert.Contains($"U+{codePoint:X4}", refused.Message);
    }

    [Fact]
    public void A_multi_line_field_takes_line_breaks_and_tabs_and_refuses_the_rest()
    {
        Assert.Equal("Đoạn một.\r\n\tĐoạn hai.\n", Read("{\"body\":\"Đoạn một.\\r\\n\\tĐoạn hai.\\n\"}").Body);

        foreach (var escaped in new[] { "\\u0000", "\\u000B", "\\u000C", "\\u0085", "\\u202E", "\\u2068", "\\uFFFE", "\\uD83F\\uDFFF" })
        {
            var refused = Assert.Throws<TextRefusedException>(() => Read($"{{\"body\":\"Đoạn {escaped} một\"}}"));
            Assert.Equal("$.body", refused.Path);
        }
    }

    [Fact]
    public void A_dictionary_key_is_checked_like_a_value()
    {
        var refused = Assert.Throws<TextRefusedException>(() => Read("{\"scores\":{\"n\\u202Eoi\":1}}"));

        Assert.Equal(0x202E, refused.CodePoint);
        Assert.StartsWith("$.scores", refused.Path);
    }

    [Fact]
    public void Every_refused_character_is_found_wherever_it_stands_in_a_long_text()
    {
        var text = new string('a', 10_000);
        Assert.Null(UnicodeTextConverter.RefusedCharacter(text));
        Assert.Equal(0x202D, UnicodeTextConverter.RefusedCharacter(text + "\u202D"));
        Assert.Equal(0x0B, UnicodeTextConverter.RefusedCharacter(text[..5000] + "\v" + text, multiLine: true));
        Assert.Null(UnicodeTextConverter.RefusedCharacter("\uDFFE" + text + "\uD83D\uDFFF", multiLine: true));
    }
}
