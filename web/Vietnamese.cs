using System.Globalization;
using HoanKiem.Web.Api;

namespace HoanKiem.Web;

/// <summary>How the site writes dates, numbers and the API's codes for people: vi-VN, on the contest's calendar.</summary>
public static class Vietnamese
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Hanoi);
    public static DateTimeOffset Now(TimeProvider clock) => Local(clock.GetUtcNow());
    public static int ThisYear(TimeProvider clock) => Now(clock).Year;

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("dd/MM/yyyy", Culture);
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);
    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", Culture);
    public static string Number(double value) => value.ToString("#,##0.##", Culture);
    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);
    public static string Number(int value) => value.ToString("#,##0", Culture);

    /// <summary>The six fields of the movement, for when the contest does not list its own.</summary>
    public static readonly IReadOnlyList<ContestField> DefaultFields =
    [
        new("economy", "Phát triển kinh tế"),
        new("urban", "Nhà đất – đô thị, trật tự văn minh đô thị"),
        new("culture-society", "Văn hóa – xã hội, giáo dục, y tế"),
        new("defense-security", "Quốc phòng – an ninh"),
        new("governance", "Xây dựng chính quyền, cải cách hành chính"),
        new("front-unions", "Mặt trận Tổ quốc và các đoàn thể")
    ];

    public static string FieldName(string code, IReadOnlyList<ContestField>? fields = null) =>
        (fields ?? DefaultFields).Concat(DefaultFields).FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public static string NomineeStatus(string status) => status switch
    {
        "proposed" => "Chờ thẩm định",
        "verified" => "Đã xác minh",
        "rejected" => "Không đủ điều kiện",
        "commended" => "Đã khen thưởng",
        _ => status
    };

    public static string Prize(string? prize) => prize switch
    {
        "first" => "Giải Nhất",
        "second" => "Giải Nhì",
        "third" => "Giải Ba",
        "encouragement" => "Giải Khuyến khích",
        _ => ""
    };

    /// <summary>Why the contest's rules refused an article, in the words of the rules.</summary>
    public static string Refusal(string code, ApiProblem? problem = null, string? explanation = null) => code switch
    {
        "word_count_out_of_range" when problem?.Int("wordCount") is { } words && problem.Int("minWords") is { } min && problem.Int("maxWords") is { } max =>
            $"Bài có {Number(words)} chữ; Thể lệ yêu cầu bài dài từ {Number(min)} đến {Number(max)} chữ.",
        "word_count_out_of_range" => "Độ dài bài không đúng Thể lệ (số chữ ngoài giới hạn cho phép).",
        "missing_author_info" => "Cần ghi rõ họ tên tác giả và số điện thoại hoặc thư điện tử để liên hệ.",
        "missing_nominee_info" => "Cần ghi rõ họ tên người được giới thiệu và phường nơi người đó sinh sống, làm việc.",
        "nominee_outside_district" => "Người được giới thiệu phải ở trên địa bàn: chọn một phường trong danh sách của cuộc thi.",
        "invalid_field" => "Hãy chọn một lĩnh vực trong danh sách của cuộc thi.",
        "contest_closed" => "Cuộc thi không nhận bài vào lúc này (ngoài thời gian nhận bài).",
        "contest_not_found" => "Chưa có cuộc thi của năm này.",
        "duplicate_entry" when problem?.DuplicateOf is { } original =>
            $"Bài viết này đã được nhận lúc {DateTime(original.ReceivedAt)}; mỗi bài chỉ được tính một lần.",
        "duplicate_entry" => "Bài viết này trùng với một bài đã được nhận; mỗi bài chỉ được tính một lần.",
        _ => explanation ?? problem?.Detail ?? problem?.Title ?? "Hệ thống không nhận bài này."
    };
}
