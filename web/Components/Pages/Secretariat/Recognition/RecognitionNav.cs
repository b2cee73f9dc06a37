using HoanKiem.Web.Api;

namespace HoanKiem.Web.Components.Pages.Secretariat.Recognition;

/// <summary>The recognition pages, and what their refusals mean to the secretariat.</summary>
public static class RecognitionNav
{
    public static IReadOnlyList<(string Href, string Text)> Links(int year) =>
    [
        ($"secretariat/{year}/recognition", "Thẩm định người được giới thiệu"),
        ($"secretariat/{year}/recognition/decisions", "Quyết định khen thưởng"),
        ($"secretariat/{year}/recognition/titles", "Danh hiệu phong trào"),
        ($"secretariat/{year}/recognition/reward-table", "Bảng mức thưởng"),
        ($"secretariat/{year}/recognition/prizes", "Tiền giải thưởng")
    ];

    public static string Level(string level) => level switch
    {
        "ward" => "Phường",
        "district" => "Quận",
        "city" => "Thành phố",
        _ => level
    };

    public static string Kind(string kind) => kind switch
    {
        "individual" => "cá nhân",
        "collective" => "tập thể",
        "household" => "hộ gia đình",
        _ => kind
    };

    public static string Prize(string prize) => prize switch
    {
        "first" => "Giải Nhất",
        "second" => "Giải Nhì",
        "third" => "Giải Ba",
        "encouragement" => "Giải Khuyến khích",
        _ => prize
    };

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Vietnamese.Culture);

    public static string Category(string category) => category switch
    {
        "cultural-residential-group" => "Tổ dân phố văn hóa",
        "cultural-family" => "Gia đình văn hóa",
        "collective" => "Tập thể tiêu biểu",
        "individual" => "Cá nhân tiêu biểu",
        _ => category
    };

    public static readonly string[] Categories = ["cultural-residential-group", "cultural-family", "collective", "individual"];

    public static string Money(long amount) => $"{amount.ToString("#,##0", Vietnamese.Culture)} đồng";

    public static string Problem(ApiProblem problem) => problem.Code switch
    {
        "already_commended" => $"Đã được khen thưởng trong năm: {problem.Detail}",
        "nominee_not_verified" => $"Chỉ khen thưởng người đã được xác minh: {problem.Detail}",
        "reward_table_incomplete" => $"Bảng mức thưởng chưa có số liệu cho hình thức này vào ngày ký: {problem.Detail} Hãy bổ sung bảng mức thưởng hoặc ghi số tiền.",
        "reward_form_expired" => $"Hình thức này đã hết hiệu lực trước ngày ký: {problem.Detail} Hãy chọn hình thức của cấp phường.",
        "reward_form_not_yet_valid" => $"Hình thức này chưa có hiệu lực vào ngày ký: {problem.Detail}",
        "decision_exists" => $"Số quyết định này đã được ghi: {problem.Detail}",
        "nominee_not_found" or "unit_not_found" => problem.Detail ?? "Không tìm thấy người hoặc đơn vị được chọn.",
        "concurrent_change" => "Một người khác vừa thay đổi cùng lúc; tải lại trang rồi thử lại.",
        "idempotency_key_reused" => "Biểu mẫu này đã được gửi với nội dung khác; tải lại trang rồi thử lại.",
        _ => problem.Detail ?? problem.Title ?? "Hệ thống không thực hiện được yêu cầu này."
    };
}
