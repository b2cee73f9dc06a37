using System.Text;
using HoanKiem.ServiceDefaults.Text;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Hàng  Gai")]
    [InlineData("HÀNG GAI")]
    [InlineData("hang gai")]
    [InlineData("\tHàng\u00A0Gai \n")]
    public void Spellings_of_one_name_fold_alike(string spelling)
    {
        Assert.Equal("hang gai", VietnameseText.Fold(spelling));
        Assert.Equal("hang gai", VietnameseText.Fold(spelling.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Every_letter_and_mark_folds_as_in_the_decomposed_text()
    {
        Assert.Equal("do quoc huy, nguyen thi hoa", VietnameseText.Fold("Đỗ Quốc Huy, Nguyễn Thị Hoà"));
        // A Hangul syllable decomposes into several letters, so text holding one is folded whole, as decomposed text;
        // any character folded by itself must give the same.
        var wholeText = VietnameseText.Fold("가");
        Assert.Equal(2, wholeText.Length);
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                continue;
            }
            Assert.Equal(VietnameseText.Fold($"a{c}") + " " + wholeText, VietnameseText.Fold($"a{c} 가"));
        }
    }

    [Fact]
    public void Every_vietnamese_vowel_with_every_tone_keeps_its_nfc_form_and_folds_to_its_plain_letter()
    {
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        foreach (var (vowel, plain) in new[] { ("a", 'a'), ("ă", 'a'), ("â", 'a'), ("e", 'e'), ("ê", 'e'), ("i", 'i'), ("o", 'o'), ("ô", 'o'), ("ơ", 'o'), ("u", 'u'), ("ư", 'u'), ("y", 'y') })
        {
            foreach (var tone in tones)
            {
                foreach (var letter in new[] { vowel + tone, vowel.ToUpperInvariant() + tone })
                {
                    var nfc = letter.Normalize(NormalizationForm.FormC);
                    Assert.Equal(1, nfc.Length);
                    Assert.Equal(nfc, VietnameseText.Clean(nfc));
                    Assert.Equal(nfc, VietnameseText.Clean(letter.Normalize(NormalizationForm.FormD)));
                    Assert.Equal(plain.ToString(), VietnameseText.Fold(nfc));
                    Assert.Equal(plain.ToString(), VietnameseText.Fold(letter.Normalize(NormalizationForm.FormD)));
                }
            }
        }
        Assert.Equal("duong dinh", VietnameseText.Fold("Đường đình"));
        Assert.Equal("Đường đình", VietnameseText.Clean("Đường đình"));
    }

    [Theory]
    [InlineData("Ng\u200Bư\u200Bời t\u200Bốt")]
    [InlineData("Ngư\u00ADời tốt\u00AD")]
    [InlineData("\uFEFFNg\u2060ười\u200C tố\u200Dt")]
    [InlineData("Ngư\u200Eời\u200F tốt\u2063")]
    [InlineData("N\u034Fgười tốt\uFE0F")]
    [InlineData("Ngư\U000E0041ời tốt")]
    [InlineData("Ngư\u3164ời tốt")]
    public void Invisible_characters_fold_to_nothing(string text)
    {
        Assert.Equal("nguoi tot", VietnameseText.Fold(text));
        Assert.Equal("nguoi tot", VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("H\u043E\u0430ng B\u0430\u0301", "hoang ba")]
    [InlineData("\u0421\u0410\u0420 \u041E\u0422\u0415 \u041C\u041D\u0425\u041A", "cap ote mhxk")]
    [InlineData("\u0441\u0440\u0435\u0443\u0445\u0456\u0458\u0455\u04BB\u0501", "cpeyxijshd")]
    [InlineData("\u039F\u03BD\u03B1 \u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u03A1\u03A4\u03A5\u03A7", "ova abezhikmnptyx")]
    [InlineData("t\u03BF\u0302\u0301t", "tot")]
    [InlineData("\u03F2\u0169 \u03F9ao", "cu cao")]
    [InlineData("\uFF28\uFF41\uFF4E\uFF47 \U0001D420\U0001D41A\U0001D422", "hang gai")]
    public void Look_alike_letters_fold_to_the_latin_letters_they_imitate(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \t\n", 0)]
    [InlineData("Người tốt, việc tốt", 4)]
    [InlineData("  Người\u00A0tốt,\r\nviệc\ttốt  ", 4)]
    [InlineData("Bà Hoà – tổ trưởng", 5)]
    public void Words_are_counted_between_whitespace_in_any_normal_form(string text, int words)
    {
        Assert.Equal(words, VietnameseText.CountWords(text));
        Assert.Equal(words, VietnameseText.CountWords(text.Normalize(NormalizationForm.FormD)));
    }
}
