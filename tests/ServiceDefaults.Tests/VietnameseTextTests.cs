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
