using HoanKiem.Contracts;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using static HoanKiem.Reporting.Documents.VietnameseFormat;

namespace HoanKiem.Reporting.Documents;

/// <summary>
/// The year-end report laid out like the district's 2019 report, as an administrative document: part one the movement's
/// titles and the people commended, part two the contest (1. direction and rollout, 2. results, 3. assessment, 4. causes),
/// part three the coming year's tasks. Every number comes from <see cref="YearFigures"/>; the narrative paragraphs and
/// the head and foot from the year's <see cref="DocumentSettings"/>.
/// </summary>
public static class AnnualReport
{
    /// <summary>The contest's title, or the 2019 one for the year's organiser when the contest has not arrived.</summary>
    public static string TitleOf(Contest? contest) => contest?.Title is { Length: > 0 } given ? given
        : $"Viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước {OrganiserOf(contest).AreaName}";

    public static ContestOrganiser OrganiserOf(Contest? contest) => contest?.Organiser ?? ContestOrganiser.HoanKiemDistrict;

    public static ReportDocument Build(YearFigures figures, DocumentSettings settings, DateOnly today)
    {
        var year = figures.Year;
        var title = TitleOf(figures.Contest);
        var organiser = OrganiserOf(figures.Contest);
        var level = organiser.LevelWord;
        var names = figures.Units.ToDictionary(u => u.UnitCode, u => u.UnitName);
        string NameOf(string code) => names.GetValueOrDefault(code, code);
        var withEntries = figures.Units.Count(u => u.Accepted > 0);

        List<ReportBlock> blocks =
        [
            OfficialLayout.Head(settings, "BC", settings.Date ?? today),
            new Heading(1, "BÁO CÁO"),
            new Heading(2, $"Tổng kết phong trào “Người tốt, việc tốt” và cuộc thi “{title}” năm {year}"),

            new Heading(2, $"PHẦN THỨ NHẤT: KẾT QUẢ PHONG TRÀO THI ĐUA “NGƯỜI TỐT, VIỆC TỐT” NĂM {year}"),
            .. OfficialLayout.Narrative(settings.MovementNarrative),
            .. MovementResults(figures, NameOf),

            new Heading(2, $"PHẦN THỨ HAI: KẾT QUẢ CUỘC THI “{title.ToUpperInvariant()}” NĂM {year}"),
            new Heading(3, "1. Công tác chỉ đạo, triển khai thực hiện"),
            new Paragraph(Rollout(figures, title, level)),
            new Paragraph($"Ban tổ chức đã giao chỉ tiêu cho {Number(figures.Units.Count(u => u.Quota > 0))} đơn vị với tổng số "
                + $"{Number(figures.Units.Sum(u => (long)u.Quota))} bài dự thi; {Number(withEntries)}/{Number(figures.Units.Count)} đơn vị "
                + "đã gửi bài dự thi về Ban tổ chức Cuộc thi."),
            new Paragraph("Hằng tháng, trên cơ sở các bài viết được gửi về Ban tổ chức Cuộc thi, cơ quan thường trực đều tổng hợp "
                + $"và công khai thông báo cụ thể về số lượng bài viết đến tất cả các đơn vị thuộc {level} để làm căn cứ đánh giá, "
                + "bình xét thi đua cuối năm."),

            new Heading(3, "2. Kết quả cụ thể"),
            new Heading(4, "2.1. Về tác phẩm dự thi"),
            new Paragraph($"Tính đến thời điểm lập báo cáo, Ban tổ chức Cuộc thi đã nhận được {Number(figures.EntriesAccepted)} bài dự thi "
                + $"cấp {level} của {Number(withEntries)} đơn vị; ngoài ra có {Number(figures.DuplicateAttempts)} lượt gửi trùng lặp bài "
                + $"đã nhận và {Number(figures.RefusedAttempts)} lượt gửi không đúng Thể lệ đã bị từ chối."),
            new Paragraph(figures.Judged > 0
                ? $"Ban giám khảo cuộc thi cấp {level} đã tổ chức chấm {Number(figures.Judged)} bài dự thi, kết quả: {PrizeList(figures.Prizes)}."
                : $"Ban giám khảo cuộc thi cấp {level} chưa công bố kết quả chấm bài."),
            .. PrizeWinners(figures, NameOf),
            new Paragraph($"Thông qua đó, Ban Tổ chức Cuộc thi đã lựa chọn được {Number(figures.ForwardedToCity)} tác phẩm có chất lượng "
                + $"để dự thi cấp Thành phố. Căn cứ số lượng và chất lượng bài dự thi, {OrganiserShort(organiser)} đã biểu dương, khen thưởng "
                + $"{Number(figures.CommendedUnitCodes.Count)} tập thể có số lượng bài dự thi vượt chỉ tiêu kế hoạch đề ra và chất lượng "
                + "bài thi có kết quả tốt trong Cuộc thi."
                + (figures.CommendedUnitCodes.Count > 0 ? $" Đó là: {string.Join(", ", figures.CommendedUnitCodes.Select(NameOf))}." : "")),
            UnitTable(figures),

            new Heading(4, "2.2. Về gương người tốt, việc tốt được phát hiện qua cuộc thi"),
            new Paragraph(figures.Recognition is { } recognition
                ? $"Qua {Number(recognition.NomineesIntroduced)} gương Người tốt, việc tốt được giới thiệu từ cơ sở, sau khi thẩm định "
                    + $"và xác minh ({Number(recognition.Verified)} gương được xác minh), {level} đã lựa chọn được "
                    + $"{Number(recognition.Commended)} gương Người tốt, việc tốt tiêu biểu để biểu dương, khen thưởng trong năm {year}."
                : "Chưa có gương Người tốt, việc tốt nào được giới thiệu, thẩm định và xác minh."),
            new Paragraph(CityAwards(figures, organiser)),
            new Paragraph($"Tổng mức khen thưởng trong năm: {Money(figures.Recognition?.TotalAmount ?? 0)}."),

            new Heading(3, "3. Đánh giá chung"),
            new Heading(4, "3.1. Ưu điểm"),
            new Paragraph(figures.OverQuota.Any()
                ? $"Cơ bản các đơn vị tham gia tích cực, có {Number(figures.OverQuota.Count())} đơn vị có số lượng bài dự thi vượt chỉ "
                    + $"tiêu so với kế hoạch đề ra, như: {string.Join(", ", figures.OverQuota.Select(u => $"{u.UnitName} ({Number(u.Accepted)}/{Number(u.Quota)} bài)"))}."
                : "Chưa có đơn vị nào có số lượng bài dự thi vượt chỉ tiêu so với kế hoạch đề ra."),

            new Heading(4, "3.2. Tồn tại"),
            new Paragraph(figures.SendingDuplicates.Any()
                ? "Một số đơn vị còn tình trạng gửi 1 bài viết nhiều lần vào nhiều thời điểm, nhiều đầu mối khác nhau dẫn đến khó "
                    + $"khăn trong công tác tập hợp và chấm bài ({Number(figures.DuplicateAttempts)} lượt gửi trùng lặp), như: "
                    + $"{string.Join(", ", figures.SendingDuplicates.Select(u => $"{u.UnitName} ({Number(u.Duplicates)} lượt)"))}."
                : "Không có đơn vị nào gửi một bài viết nhiều lần."),
        ];

        if (figures.BreakingRules.Any())
        {
            blocks.Add(new Paragraph("Nhiều tác phẩm dự thi không bám sát Thể lệ cuộc thi "
                + $"({Number(figures.RefusedAttempts)} lượt gửi bị từ chối) gây khó khăn trong công tác thẩm định, chấm bài, như:"));
            blocks.Add(new BulletList([.. figures.RuleBreaks.GroupBy(r => r.UnitCode).Select(unit =>
                $"{NameOf(unit.Key)}: {string.Join("; ", unit.Select(r => $"{RuleNames.Describe(r.Code, figures.Contest, organiser)} ({Count(r.Count)} lượt)"))}")]));
        }
        else
        {
            blocks.Add(new Paragraph("Các bài dự thi gửi về đều bám sát Thể lệ cuộc thi."));
        }
        blocks.Add(new Paragraph(figures.WithoutEntries.Any()
            ? "Mặc dù Ban tổ chức cuộc thi đã có văn bản đôn đốc, nhắc nhở hàng tháng nhưng một số đơn vị không tham gia làm ảnh "
                + $"hưởng chung đến phong trào của toàn {level} ({Number(figures.WithoutEntries.Count())} đơn vị chưa gửi bài dự thi nào), "
                + $"như: {string.Join(", ", figures.WithoutEntries.Select(u => u.UnitName))}."
            : "Tất cả các đơn vị đều đã tham gia gửi bài dự thi."));
        if (settings.Causes is { Length: > 0 })
        {
            blocks.Add(new Heading(3, "4. Nguyên nhân"));
            blocks.AddRange(OfficialLayout.Narrative(settings.Causes));
        }

        blocks.Add(new Heading(2, $"PHẦN THỨ BA: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}"));
        blocks.AddRange(settings.NextYearTasks is { Length: > 0 }
            ? OfficialLayout.Narrative(settings.NextYearTasks)
            : [new Paragraph("(Ban tổ chức chưa nhập phương hướng, nhiệm vụ năm tới.)")]);
        blocks.Add(OfficialLayout.Foot(settings));
        return new ReportDocument(blocks);
    }

    /// <summary>Part one's figures: the movement's titles by category with their money, and the people commended by name.</summary>
    private static IEnumerable<ReportBlock> MovementResults(YearFigures figures, Func<string, string> nameOf)
    {
        var totals = TitleCategories.InOrder
            .Select(c => (c.Name, Total: figures.Titles.SingleOrDefault(t => t.Category == c.Code) ?? new TitleTotal(c.Code, 0, 0)))
            .ToList();
        var count = totals.Sum(t => t.Total.Count);
        if (count == 0)
        {
            yield return new Paragraph($"Chưa có danh hiệu nào của phong trào được ghi nhận trong năm {figures.Year}.");
        }
        else
        {
            yield return new Paragraph("Qua các phong trào thi đua từ cơ sở, đã biểu dương, khen thưởng "
                + string.Join(", ", totals.Where(t => t.Total.Count > 0).Select(t => $"{Count(t.Total.Count)} {t.Name.ToLowerInvariant()}"))
                + $" với tổng số tiền thưởng {Money(totals.Sum(t => t.Total.Amount))}.");
            yield return new Table($"Danh hiệu của phong trào năm {figures.Year}", ["STT", "Danh hiệu", "Số lượng", "Số tiền thưởng"],
                [.. totals.Select((t, i) => (IReadOnlyList<string>)[Number(i + 1), t.Name, Number(t.Total.Count), Money(t.Total.Amount)]),
                 ["", "Tổng cộng", Number(count), Money(totals.Sum(t => t.Total.Amount))]]);
        }
        if (figures.TitledIndividuals.Count > 0)
        {
            yield return new Paragraph($"Cá nhân tiêu biểu của phong trào: {string.Join(", ", figures.TitledIndividuals)}.");
        }
        if (figures.CommendedPeople.Count > 0)
        {
            yield return new Paragraph($"Qua cuộc thi, {Number(figures.CommendedPeople.Count)} gương người tốt, việc tốt đã được khen thưởng: "
                + string.Join("; ", figures.CommendedPeople.Select(p => $"{p.FullName} ({nameOf(p.UnitCode)})")) + ".");
        }
    }

    /// <summary>The prize-winning entries by title and unit, best first.</summary>
    private static IEnumerable<ReportBlock> PrizeWinners(YearFigures figures, Func<string, string> nameOf)
    {
        if (figures.PrizeWinners.Count == 0)
        {
            yield break;
        }
        yield return new BulletList([.. figures.PrizeWinners.Select(w => $"Giải {PrizeName(w.Prize)}: “{w.Title}” ({nameOf(w.UnitCode)})")]);
    }

    private static string PrizeName(string prize) => prize switch
    {
        Prizes.First => "Nhất",
        Prizes.Second => "Nhì",
        Prizes.Third => "Ba",
        _ => "Khuyến khích"
    };

    /// <summary>"01 bài đạt giải Nhất; 02 bài đạt giải Nhì; ..." for the ranks that were given.</summary>
    public static string PrizeList(PrizeCounts prizes)
    {
        var given = new[]
        {
            (prizes.First, "Nhất"), (prizes.Second, "Nhì"), (prizes.Third, "Ba"), (prizes.Encouragement, "Khuyến khích")
        }.Where(p => p.Item1 > 0).Select(p => $"{Count(p.Item1)} bài đạt giải {p.Item2}").ToList();
        return given.Count > 0 ? string.Join("; ", given) : "chưa có bài đạt giải";
    }

    private static string Rollout(YearFigures figures, string title, string level)
    {
        if (figures.Contest is not { } contest)
        {
            return $"Cuộc thi “{title}” năm {figures.Year} được triển khai đến các đơn vị thuộc {level}.";
        }
        var opens = VietnamTime.ToLocal(contest.OpensAt);
        var closes = VietnamTime.ToLocal(contest.ClosesAt);
        return $"Cuộc thi “{title}” năm {figures.Year} được tổ chức từ ngày {Date(opens)} đến ngày {Date(closes)}, mỗi bài "
            + $"dự thi có từ {Number(contest.MinWords)} đến {Number(contest.MaxWords)} từ, phản ánh người thật, việc thật, không hư cấu; "
            + $"các phòng, ban, ngành, đơn vị thuộc {level} đã tuyên truyền, phát động rộng rãi đến cán bộ, công chức, viên chức, "
            + "người lao động và nhân dân trên địa bàn hưởng ứng tham gia.";
    }

    private static string CityAwards(YearFigures figures, ContestOrganiser organiser)
    {
        var level = organiser.LevelWord;
        var total = figures.CityAwards.Sum(a => a.Count);
        if (total == 0)
        {
            return figures.ForwardedToCity > 0
                ? $"Thành phố chưa công bố kết quả đối với {Number(figures.ForwardedToCity)} bài dự thi cấp thành phố của {level}."
                : $"{Capitalised(level)} chưa có bài dự thi gửi dự thi cấp thành phố.";
        }
        var people = figures.Recognition?.CommendedByCity ?? 0;
        return $"Qua {Number(figures.ForwardedToCity)} bài dự thi cấp thành phố, {organiser.AreaName} đã được thành phố biểu dương, "
            + $"khen thưởng {Number(total)} bài viết: {string.Join("; ", figures.CityAwards.Select(a => $"{Count(a.Count)} bài {a.Outcome}"))}"
            + (people > 0 ? $"; UBND Thành phố biểu dương, khen thưởng {Number(people)} cá nhân tiêu biểu được giới thiệu qua các bài viết này." : ".");
    }

    /// <summary>"UBND quận", "UBND phường": how the report calls its own committee; another body by its name.</summary>
    private static string OrganiserShort(ContestOrganiser organiser) =>
        organiser.Level == ContestOrganiser.Other ? organiser.Name : $"UBND {organiser.LevelWord}";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Table UnitTable(YearFigures figures)
    {
        var rows = figures.Units
            .OrderByDescending(u => u.Accepted).ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .Select((u, i) => (IReadOnlyList<string>)
            [
                Number(i + 1), u.UnitName, Number(u.Quota), Number(u.Accepted), Number(u.Duplicates), Number(u.Refused),
                u.Accepted > u.Quota ? "Vượt" : u.QuotaMet ? "Đạt" : "Chưa đạt"
            ])
            .Append(["", "Tổng cộng", Number(figures.Units.Sum(u => (long)u.Quota)), Number(figures.EntriesAccepted),
                Number(figures.DuplicateAttempts), Number(figures.RefusedAttempts), ""])
            .ToList();
        return new Table("Số lượng bài dự thi theo đơn vị",
            ["STT", "Đơn vị", "Chỉ tiêu", "Bài dự thi", "Gửi trùng lặp", "Không đúng Thể lệ", "Đánh giá"], rows);
    }
}
