using HoanKiem.Contracts;
using HoanKiem.Submission.Corpus;

namespace HoanKiem.Demo;

/// <summary>How a unit behaves in the demo year, after the units the 2019 year-end report names.</summary>
public enum UnitHabit
{
    /// <summary>Sends well over its quota (Quận đoàn, Hội LHPN quận, phòng Nội vụ, Hàng Gai, Lý Thái Tổ).</summary>
    Eager,
    Steady,
    /// <summary>Sends nothing or almost nothing (phòng TN-MT, Hàng Bạc, Phúc Tân, THCS Trưng Vương, TH Tràng An).</summary>
    Quiet,
    /// <summary>Sends entries that break the rules (LĐLĐ quận, Phan Chu Trinh, TT GDNN-GDTX Nguyễn Văn Tố).</summary>
    RuleBreaker,
    /// <summary>Forwards articles already sent through another channel (Hội Cựu chiến binh, Hội Chữ thập đỏ).</summary>
    Resender
}

public sealed record DemoUnit(string Code, string Name, string Kind, UnitHabit Habit, string? Ward = null);

/// <summary>The district's participating units. Data, not rules: a district with other wards gets another list.</summary>
public static class DistrictUnits
{
    private static readonly Dictionary<string, UnitHabit> WardHabits = new()
    {
        ["Hàng Gai"] = UnitHabit.Eager,
        ["Lý Thái Tổ"] = UnitHabit.Eager,
        ["Hàng Bạc"] = UnitHabit.Quiet,
        ["Phúc Tân"] = UnitHabit.Quiet,
        ["Phan Chu Trinh"] = UnitHabit.RuleBreaker
    };

    public static IReadOnlyList<DemoUnit> All { get; } =
    [
        .. District.Wards.Select(w => new DemoUnit($"phuong-{Slug(w)}", $"Phường {w}", "ward", WardHabits.GetValueOrDefault(w, UnitHabit.Steady), w)),
        new("phong-noi-vu", "Phòng Nội vụ quận", "department", UnitHabit.Eager),
        new("phong-tn-mt", "Phòng Tài nguyên và Môi trường quận", "department", UnitHabit.Quiet),
        new("phong-vh-tt", "Phòng Văn hóa và Thông tin quận", "department", UnitHabit.Steady),
        new("phong-gd-dt", "Phòng Giáo dục và Đào tạo quận", "department", UnitHabit.Steady),
        new("doi-qlttxd", "Đội Quản lý trật tự xây dựng đô thị quận", "department", UnitHabit.Quiet),
        new("bql-ho-hoan-kiem", "Ban quản lý khu vực hồ Hoàn Kiếm và phụ cận", "department", UnitHabit.Quiet),
        new("thcs-trung-vuong", "Trường THCS Trưng Vương", "school", UnitHabit.Quiet),
        new("th-trang-an", "Trường Tiểu học Tràng An", "school", UnitHabit.Quiet),
        new("thcs-ngo-si-lien", "Trường THCS Ngô Sĩ Liên", "school", UnitHabit.Steady),
        new("tt-gdnn-gdtx-nguyen-van-to", "Trung tâm GDNN-GDTX Nguyễn Văn Tố", "school", UnitHabit.RuleBreaker),
        new("quan-doan", "Quận đoàn Hoàn Kiếm", "association", UnitHabit.Eager),
        new("hoi-lhpn-quan", "Hội Liên hiệp phụ nữ quận", "association", UnitHabit.Eager),
        new("hoi-ccb-quan", "Hội Cựu chiến binh quận", "association", UnitHabit.Resender),
        new("hoi-chu-thap-do", "Hội Chữ thập đỏ quận", "association", UnitHabit.Resender),
        new("ldld-quan", "Liên đoàn Lao động quận", "association", UnitHabit.RuleBreaker),
        new("mttq-quan", "Ủy ban Mặt trận Tổ quốc Việt Nam quận", "association", UnitHabit.Steady),
        new("bql-cho-dong-xuan", "Ban quản lý chợ Đồng Xuân", "enterprise", UnitHabit.Steady)
    ];

    /// <summary>"Hàng Đào" → "hang-dao": unit codes are plain ASCII.</summary>
    public static string Slug(string name) =>
        string.Join('-', ArticleCorpus.StripDiacritics(name).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
