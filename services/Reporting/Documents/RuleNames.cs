using HoanKiem.Contracts;
using HoanKiem.Reporting.Models;

namespace HoanKiem.Reporting.Documents;

/// <summary>The contract's refusal codes in the words of the 2019 report's assessment.</summary>
public static class RuleNames
{
    public static string Describe(string code, Contest? contest, ContestOrganiser organiser) => code switch
    {
        "word_count_out_of_range" => contest is null
            ? "không đúng số lượng từ quy định"
            : $"không đủ số lượng từ quy định từ {VietnameseFormat.Number(contest.MinWords)} đến tối đa không quá {VietnameseFormat.Number(contest.MaxWords)} từ",
        "missing_author_info" => "không ghi rõ những thông tin của người dự thi",
        "missing_nominee_info" => "không ghi rõ những thông tin của người được giới thiệu",
        "nominee_outside_district" => $"viết về gương người tốt, việc tốt ở ngoài {(organiser.Level == ContestOrganiser.Other ? organiser.AreaName : organiser.LevelWord)}",
        "invalid_field" => "không thuộc lĩnh vực của cuộc thi",
        "contest_closed" => "gửi sau khi cuộc thi đã kết thúc",
        _ => $"không đúng Thể lệ ({code})"
    };
}
