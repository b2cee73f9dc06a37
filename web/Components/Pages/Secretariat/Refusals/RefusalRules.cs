namespace HoanKiem.Web.Components.Pages.Secretariat.Refusals;

/// <summary>The contest's rules a refused attempt broke, named as the secretariat speaks of them.</summary>
public static class RefusalRules
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["duplicate_entry"] = "Bài trùng với bài đã nhận",
        ["word_count_out_of_range"] = "Số chữ ngoài giới hạn",
        ["missing_author_info"] = "Thiếu thông tin tác giả",
        ["missing_nominee_info"] = "Thiếu thông tin người được giới thiệu",
        ["nominee_outside_district"] = "Người được giới thiệu ngoài địa bàn",
        ["invalid_field"] = "Lĩnh vực không hợp lệ",
        ["contest_closed"] = "Gửi ngoài thời gian nhận bài"
    };

    public static string Name(string code) => Names.GetValueOrDefault(code, code);

    public static string Percent(double? similarity) => similarity is { } s ? $"{Vietnamese.Number(Math.Round(s * 100, 1))}%" : "—";
}
