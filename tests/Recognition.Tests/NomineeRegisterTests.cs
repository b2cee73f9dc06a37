using System.Text;
using HoanKiem.Recognition.Models;
using Xunit;

namespace HoanKiem.Recognition.Tests;

/// <summary>The matching rule on its own: which existing nominee (same folded name and ward) a new spelling is.</summary>
public sealed class NomineeRegisterTests
{
    private static readonly Guid Hung = Guid.NewGuid();
    private static readonly Guid Plain = Guid.NewGuid();

    [Theory]
    [InlineData("Nguyễn Văn Hùng")]
    [InlineData("NGUYỄN   VĂN HÙNG")]
    [InlineData("nguyễn văn hùng")]
    [InlineData("nguyen van hung")]
    [InlineData("Nguyen Van Hung")]
    public void Spellings_of_the_same_name_match_the_nominee(string spelling)
    {
        Assert.Equal(Hung, NomineeRegister.Match(spelling, [(Hung, ["Nguyễn Văn Hùng"])]));
        Assert.Equal(Hung, NomineeRegister.Match(spelling.Normalize(NormalizationForm.FormD), [(Hung, ["Nguyễn Văn Hùng"])]));
    }

    [Theory]
    [InlineData("Nguyễn Văn Hưng")]
    [InlineData("Nguyễn Văn Húng")]
    public void A_name_that_differs_only_in_diacritics_is_someone_else(string spelling) =>
        Assert.Null(NomineeRegister.Match(spelling, [(Hung, ["Nguyễn Văn Hùng", "nguyen van hung"])]));

    [Fact]
    public void A_nominee_known_only_without_diacritics_takes_the_first_spelling_with_them()
    {
        Assert.Equal(Plain, NomineeRegister.Match("Trần Thị Hà", [(Plain, ["tran thi ha"])]));
        Assert.Null(NomineeRegister.Match("Trần Thị Hạ", [(Plain, ["tran thi ha", "Trần Thị Hà"])]));
    }

    [Fact]
    public void A_plain_spelling_goes_to_the_oldest_candidate()
    {
        var ha = Guid.NewGuid();
        var haDot = Guid.NewGuid();
        Assert.Equal(ha, NomineeRegister.Match("Tran Thi Ha", [(ha, ["Trần Thị Hà"]), (haDot, ["Trần Thị Hạ"])]));
        Assert.Equal(haDot, NomineeRegister.Match("trần thị hạ", [(ha, ["Trần Thị Hà"]), (haDot, ["Trần Thị Hạ"])]));
    }

    [Fact]
    public void The_folded_key_ignores_case_diacritics_and_the_ward_prefix()
    {
        Assert.Equal(Nominee.PersonKeyOf("Đỗ Quốc Huy", "Hàng Bạc"), Nominee.PersonKeyOf("DO QUOC HUY", "P. hang bac"));
        Assert.Equal(Nominee.PersonKeyOf("Đỗ Quốc Huy", "Hàng Bạc"), Nominee.PersonKeyOf("Đỗ Quốc Huy".Normalize(NormalizationForm.FormD), "phường Hàng Bạc"));
        Assert.NotEqual(Nominee.PersonKeyOf("Đỗ Quốc Huy", "Hàng Bạc"), Nominee.PersonKeyOf("Đỗ Quốc Huy", "Hàng Bài"));
    }
}
