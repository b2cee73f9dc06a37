using System.Globalization;
using HoanKiem.Contracts;
using HoanKiem.Documents;
using HoanKiem.ServiceDefaults;
using HoanKiem.Submission.Models;

namespace HoanKiem.Submission.Documents;

/// <summary>
/// What the district sends the city for a forwarding batch, as an administrative document (Decree 30/2020): the cover
/// letter with the list of articles, then each article on its own pages, whole, with its author's and nominee's
/// details, which the city's round needs and which no other service keeps.
/// </summary>
public static class CityPackage
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="organiser">The year's organiser, who signs the letter: the district's committee before 1 July 2025, a ward's after.</param>
    public static ReportDocument Write(ForwardingBatch batch, IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, string> units, DateOnly date,
        ContestOrganiser organiser)
    {
        string UnitName(string code) => units.TryGetValue(code, out var name) ? name : code;
        var place = organiser.AreaName.StartsWith(organiser.LevelWord + " ", StringComparison.OrdinalIgnoreCase)
            ? organiser.AreaName[(organiser.LevelWord.Length + 1)..]
            : organiser.AreaName;
        var blocks = new List<ReportBlock>
        {
            new Letterhead(null, organiser.Name.ToUpper(Vietnamese), "Số:      /UBND-TĐKT", $"{place}, {VietnamTime.WrittenDate(date)}"),
            new Paragraph($"V/v gửi bài viết về gương “Người tốt, việc tốt” năm {batch.Year} dự thi cấp thành phố ({batch.Label})"),
            new Paragraph("Kính gửi: Hội đồng Thi đua - Khen thưởng thành phố Hà Nội."),
            new Paragraph($"Thực hiện cuộc thi viết về gương “Người tốt, việc tốt” năm {batch.Year}, {organiser.Name} gửi " +
                $"{entries.Count} bài viết tiêu biểu ({batch.Label}) tham gia cuộc thi cấp thành phố. Toàn văn từng bài, cùng thông tin " +
                "về tác giả và người được viết về, kèm theo danh sách dưới đây."),
            new Table("Danh sách bài viết gửi thành phố", ["STT", "Tên bài viết", "Tác giả", "Người được viết về", "Đơn vị gửi"],
                [.. entries.Select((e, i) => (IReadOnlyList<string>)[(i + 1).ToString(Vietnamese), e.Title, e.AuthorFullName, e.NomineeFullName, UnitName(e.UnitCode)])]),
            new Signature(["- Như trên;", "- Lưu: VT."], "TM. ỦY BAN NHÂN DÂN", organiser.SignerTitle.ToUpper(Vietnamese), null)
        };
        for (var i = 0; i < entries.Count; i++)
        {
            blocks.AddRange(Article(i + 1, entries[i], UnitName(entries[i].UnitCode)));
        }
        return new ReportDocument(blocks);
    }

    private static IEnumerable<ReportBlock> Article(int number, Entry entry, string unit)
    {
        yield return new PageBreak();
        yield return new Heading(2, $"Bài số {number}: {entry.Title}");
        yield return new Heading(4, "Tác giả");
        yield return new BulletList(Present(
            $"Họ và tên: {entry.AuthorFullName}",
            entry.AuthorPosition is { Length: > 0 } position ? $"Chức vụ, nơi công tác: {position}" : null,
            entry.AuthorPhone is { Length: > 0 } phone ? $"Điện thoại: {phone}" : null,
            entry.AuthorEmail is { Length: > 0 } email ? $"Thư điện tử: {email}" : null,
            $"Đơn vị gửi bài: {unit}"));
        yield return new Heading(4, "Người được viết về");
        yield return new BulletList(Present(
            $"Họ và tên: {entry.NomineeFullName}",
            entry.NomineeBirthYear is { } born ? $"Năm sinh: {born}" : null,
            entry.NomineePosition is { Length: > 0 } role ? $"Chức vụ: {role}" : null,
            entry.NomineeWorkplace is { Length: > 0 } workplace ? $"Nơi công tác: {workplace}" : null,
            $"Địa chỉ: {(entry.NomineeStreet is { Length: > 0 } street ? $"{street}, " : "")}phường {entry.NomineeWard}"));
        var field = Fields.All.FirstOrDefault(f => f.Code == entry.Field).Name ?? entry.Field;
        yield return new Paragraph($"Lĩnh vực: {field}. Số chữ: {entry.WordCount.ToString("N0", Vietnamese)}.");
        foreach (var paragraph in entry.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return new Paragraph(paragraph);
        }
    }

    private static List<string> Present(params string?[] lines) => [.. lines.OfType<string>()];
}
