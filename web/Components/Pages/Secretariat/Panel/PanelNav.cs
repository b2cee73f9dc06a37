using HoanKiem.Web.Api;

namespace HoanKiem.Web.Components.Pages.Secretariat.Panel;

/// <summary>The panel's pages, in the order the year needs them.</summary>
public static class PanelNav
{
    public static IReadOnlyList<(string Href, string Text)> Links(int year) =>
    [
        ($"secretariat/{year}/panel", "Tiến độ chấm"),
        ($"secretariat/{year}/panel/settings", "Thang điểm và giải"),
        ($"secretariat/{year}/panel/judges", "Giám khảo"),
        ($"secretariat/{year}/panel/assign", "Phân công"),
        ($"secretariat/{year}/panel/finalize", "Công bố kết quả"),
        ($"secretariat/{year}/panel/results", "Kết quả, gửi thành phố")
    ];

    public static string Problem(ApiProblem problem) => problem.Code switch
    {
        "judging_finalized" => "Kết quả đã được công bố: thang điểm, giải, giám khảo và phân công không còn thay đổi được.",
        "rubric_locked" => "Đã có giám khảo chấm điểm: thang điểm không còn sửa được (số giải và số bài gửi thành phố vẫn sửa được).",
        "assignment_infeasible" => $"Không phân công được: {problem.Detail}",
        "assignment_in_progress" => "Một lượt phân công khác đang chạy; xin thử lại sau giây lát.",
        "scores_missing" => $"Còn {problem.Int("missingScores")} lượt chấm chưa có điểm: chưa thể công bố kết quả.",
        "entries_unassigned" => $"Còn {problem.Int("unassignedEntries")} bài chưa đủ giám khảo: hãy phân công trước khi công bố.",
        "nothing_to_rank" => "Chưa có bài nào trong vòng chấm: không có gì để xếp hạng.",
        "judging_not_finalized" => "Kết quả chưa được công bố.",
        "entry_not_forwarded" => "Bài này không nằm trong danh sách gửi thành phố.",
        "concurrent_update" => "Một người khác vừa sửa cùng lúc; tải lại trang rồi thử lại.",
        "judge_removed" => "Giám khảo này đã được rút khỏi Ban giám khảo.",
        "judge_not_found" => "Không tìm thấy giám khảo này trong năm.",
        "unit_not_found" => "Chưa có đơn vị nào mang mã này.",
        "entry_not_found" => "Không tìm thấy bài này trong vòng chấm.",
        "city_outcomes_recorded" => "Thành phố đã có kết quả cho các bài được gửi đi: không mở lại được kết quả.",
        "idempotency_key_reused" => "Biểu mẫu này đã được gửi với nội dung khác; tải lại trang rồi thử lại.",
        _ => problem.Detail ?? problem.Title ?? "Hệ thống không thực hiện được yêu cầu này."
    };
}
