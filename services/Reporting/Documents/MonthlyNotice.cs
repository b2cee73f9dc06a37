using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using static HoanKiem.Reporting.Documents.VietnameseFormat;

namespace HoanKiem.Reporting.Documents;

/// <summary>A unit the month's notice reminds, and why.</summary>
public sealed record Reminder(string UnitCode, string UnitName, int Quota, int AcceptedInMonth, int Accepted, string Reason)
{
    public const string NothingThisYear = "nothing_this_year";
    public const string NothingThisMonth = "nothing_this_month";
}

/// <summary>
/// The notice the secretariat sends every unit each month, as the district did in 2019: every unit's count for the
/// month and the year against its quota, the units that sent nothing named, and a reminder.
/// </summary>
public static class MonthlyNotice
{
    /// <summary>Units with a quota that sent nothing in the month; those with nothing all year first.</summary>
    public static IReadOnlyList<Reminder> Reminders(IReadOnlyList<UnitTally> tallies) =>
        [.. tallies.Where(t => t.Quota > 0 && t.AcceptedInMonth == 0)
            .Select(t => new Reminder(t.UnitCode, t.UnitName, t.Quota, t.AcceptedInMonth, t.Accepted,
                t.Accepted == 0 ? Reminder.NothingThisYear : Reminder.NothingThisMonth))
            .OrderBy(r => r.Reason == Reminder.NothingThisYear ? 0 : 1).ThenBy(r => r.UnitName, StringComparer.Ordinal)];

    /// <summary>The notice for <paramref name="month"/> (yyyymm), dated <paramref name="issuedOn"/>.</summary>
    public static ReportDocument Build(int month, Contest? contest, IReadOnlyList<UnitTally> tallies, DocumentSettings settings, DateOnly issuedOn)
    {
        var (monthNumber, year) = (month % 100, month / 100);
        var monthName = $"{monthNumber:D2}/{year}";
        var title = AnnualReport.TitleOf(contest);
        var withQuota = tallies.Where(t => t.Quota > 0 || t.Accepted > 0).ToList();
        var sentInMonth = withQuota.Count(t => t.AcceptedInMonth > 0);
        var quotaTotal = withQuota.Sum(t => (long)t.Quota);
        var reminders = Reminders(tallies);
        var nothingThisYear = reminders.Where(r => r.Reason == Reminder.NothingThisYear).Select(r => r.UnitName).ToList();
        var nothingThisMonth = reminders.Where(r => r.Reason == Reminder.NothingThisMonth).Select(r => r.UnitName).ToList();

        List<ReportBlock> blocks =
        [
            OfficialLayout.Head(settings, "TB", issuedOn),
            new Heading(1, "THÔNG BÁO"),
            new Heading(2, $"Số lượng bài dự thi Cuộc thi “{title}” tháng {monthName}"),
            new Paragraph($"Thực hiện Thể lệ Cuộc thi năm {year}, Ban tổ chức Cuộc thi thông báo số lượng bài dự thi hợp lệ các đơn vị đã gửi trong tháng {monthName} và lũy kế từ đầu năm đến hết tháng {monthName} như sau:"),
            new Table($"Số lượng bài dự thi đến hết tháng {monthName}",
                ["STT", "Đơn vị", "Chỉ tiêu năm", $"Trong tháng {monthNumber:D2}", "Lũy kế", "Tỷ lệ so với chỉ tiêu", "Ghi chú"],
                [.. withQuota.OrderByDescending(t => t.Accepted).ThenBy(t => t.UnitName, StringComparer.Ordinal).Select((t, i) => (IReadOnlyList<string>)
                    [Number(i + 1), t.UnitName, Number(t.Quota), Number(t.AcceptedInMonth), Number(t.Accepted), Percent(t.Accepted, t.Quota), Note(t)]),
                 ["", "Tổng cộng", Number(quotaTotal), Number(withQuota.Sum(t => t.AcceptedInMonth)), Number(withQuota.Sum(t => t.Accepted)),
                    Percent(withQuota.Sum(t => t.Accepted), quotaTotal), ""]]),
            new Paragraph($"Trong tháng {monthName} có {Number(sentInMonth)}/{Number(withQuota.Count)} đơn vị gửi bài với tổng số "
                + $"{Number(withQuota.Sum(t => t.AcceptedInMonth))} bài dự thi hợp lệ; lũy kế từ đầu năm {Number(withQuota.Sum(t => t.Accepted))} bài, "
                + $"đạt {Percent(withQuota.Sum(t => t.Accepted), quotaTotal)} tổng chỉ tiêu được giao.")
        ];
        if (nothingThisYear.Count > 0)
        {
            blocks.Add(new Paragraph($"Các đơn vị chưa gửi bài dự thi nào từ đầu năm ({Number(nothingThisYear.Count)} đơn vị): {string.Join(", ", nothingThisYear)}."));
        }
        if (nothingThisMonth.Count > 0)
        {
            blocks.Add(new Paragraph($"Các đơn vị không gửi bài dự thi trong tháng {monthName} ({Number(nothingThisMonth.Count)} đơn vị): {string.Join(", ", nothingThisMonth)}."));
        }
        blocks.Add(new Paragraph(reminders.Count > 0
            ? "Ban tổ chức đề nghị các đơn vị nêu trên khẩn trương tuyên truyền, phát động cán bộ, đoàn viên, hội viên và nhân dân "
                + "phát hiện, viết bài về gương người tốt, việc tốt" + Deadline(contest) + " để bảo đảm chỉ tiêu được giao; "
                + "mỗi bài viết chỉ gửi một lần, qua một đầu mối, đúng Thể lệ Cuộc thi."
            : "Ban tổ chức ghi nhận tất cả các đơn vị đã gửi bài dự thi trong tháng; đề nghị các đơn vị tiếp tục duy trì, "
                + "mỗi bài viết chỉ gửi một lần, qua một đầu mối, đúng Thể lệ Cuộc thi."));
        blocks.Add(OfficialLayout.Foot(settings));
        return new ReportDocument(blocks);
    }

    /// <summary>The notice's date: the day after the month ends, or today while it has not.</summary>
    public static DateOnly IssuedOn(int month, DateOnly today)
    {
        var dayAfter = new DateOnly(month / 100, month % 100, 1).AddMonths(1);
        return dayAfter < today ? dayAfter : today;
    }

    private static string Deadline(Contest? contest) =>
        contest is null ? "" : $" gửi về Ban tổ chức trước ngày {Date(VietnamTime.ToLocal(contest.ClosesAt))}";

    private static string Percent(long accepted, long quota) => quota > 0 ? $"{Number(accepted * 100 / quota)}%" : "—";

    private static string Note(UnitTally tally) =>
        tally.Accepted == 0 ? "Chưa gửi bài"
        : tally.AcceptedInMonth == 0 ? "Không gửi bài trong tháng"
        : tally.Accepted > tally.Quota ? "Vượt chỉ tiêu"
        : tally.QuotaMet ? "Đạt chỉ tiêu"
        : "";
}
