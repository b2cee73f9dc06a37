namespace HoanKiem.Demo;

/// <summary>A dated change the ward year records for a district-year unit: renamed (keeps its code), merged or split.</summary>
public sealed record DemoUnitChange(string Code, string Kind, string? Name = null, params string[] Into);

/// <summary>
/// Phường Hoàn Kiếm's participating units after 1 July 2025: the old wards that went into it, now residential areas
/// under their old codes, the ward's offices, associations and residential groups, and the schools and boards that stayed.
/// </summary>
public static class WardUnits
{
    public static readonly DateOnly Reorganised = new(2025, 7, 1);

    /// <summary>The old wards all or most of which went into phường Hoàn Kiếm; people still write these names.</summary>
    private static readonly (string Ward, UnitHabit Habit)[] OldWards =
    [
        ("Hàng Mã", UnitHabit.Steady), ("Hàng Bồ", UnitHabit.Steady), ("Hàng Đào", UnitHabit.Steady), ("Hàng Bạc", UnitHabit.Quiet),
        ("Hàng Buồm", UnitHabit.Steady), ("Hàng Gai", UnitHabit.Eager), ("Lý Thái Tổ", UnitHabit.Eager), ("Đồng Xuân", UnitHabit.Steady),
        ("Cửa Đông", UnitHabit.Steady), ("Tràng Tiền", UnitHabit.Steady), ("Hàng Bông", UnitHabit.Steady), ("Hàng Trống", UnitHabit.Steady)
    ];

    public static IReadOnlyList<DemoUnit> All { get; } =
    [
        .. OldWards.Select(w => new DemoUnit($"phuong-{DistrictUnits.Slug(w.Ward)}", ResidentialArea(w.Ward), "ward", w.Habit, w.Ward)),
        new("vp-hdnd-ubnd-phuong", "Văn phòng HĐND và UBND phường Hoàn Kiếm", "department", UnitHabit.Eager),
        new("phong-vh-xh-phuong", "Phòng Văn hóa – Xã hội phường Hoàn Kiếm", "department", UnitHabit.Steady),
        new("phong-kt-ht-dt-phuong", "Phòng Kinh tế, Hạ tầng và Đô thị phường Hoàn Kiếm", "department", UnitHabit.Quiet),
        new("bql-ho-hoan-kiem", "Ban quản lý khu vực hồ Hoàn Kiếm và phụ cận", "department", UnitHabit.Quiet),
        new("thcs-trung-vuong", "Trường THCS Trưng Vương", "school", UnitHabit.Steady),
        new("th-trang-an", "Trường Tiểu học Tràng An", "school", UnitHabit.Quiet),
        new("thcs-ngo-si-lien", "Trường THCS Ngô Sĩ Liên", "school", UnitHabit.Steady),
        new("tt-gdnn-gdtx-nguyen-van-to", "Trung tâm GDNN-GDTX Nguyễn Văn Tố", "school", UnitHabit.RuleBreaker),
        new("doan-phuong-hoan-kiem", "Đoàn Thanh niên phường Hoàn Kiếm", "association", UnitHabit.Eager),
        new("hoi-lhpn-phuong-hoan-kiem", "Hội Liên hiệp phụ nữ phường Hoàn Kiếm", "association", UnitHabit.Steady),
        new("hoi-ccb-phuong-hoan-kiem", "Hội Cựu chiến binh phường Hoàn Kiếm", "association", UnitHabit.Resender),
        new("hoi-ctd-phuong-hoan-kiem", "Hội Chữ thập đỏ phường Hoàn Kiếm", "association", UnitHabit.Resender),
        new("cong-doan-phuong-hoan-kiem", "Công đoàn phường Hoàn Kiếm", "association", UnitHabit.RuleBreaker),
        new("mttq-phuong-hoan-kiem", "Ủy ban Mặt trận Tổ quốc Việt Nam phường Hoàn Kiếm", "association", UnitHabit.Steady),
        new("tdp-so-1-phuong-hoan-kiem", "Tổ dân phố số 1 phường Hoàn Kiếm", "other", UnitHabit.Steady),
        new("tdp-so-2-phuong-hoan-kiem", "Tổ dân phố số 2 phường Hoàn Kiếm", "other", UnitHabit.Quiet),
        new("bql-cho-dong-xuan", "Ban quản lý chợ Đồng Xuân", "enterprise", UnitHabit.Steady)
    ];

    /// <summary>Registered for the split of the district's veterans' association, not taking part in phường Hoàn Kiếm's contest.</summary>
    public static IReadOnlyList<DemoUnit> Neighbours { get; } =
        [new("hoi-ccb-phuong-cua-nam", "Hội Cựu chiến binh phường Cửa Nam", "association", UnitHabit.Quiet)];

    /// <summary>What became of the district year's units on 1 July 2025.</summary>
    public static IReadOnlyList<DemoUnitChange> Changes { get; } =
    [
        .. OldWards.Select(w => new DemoUnitChange($"phuong-{DistrictUnits.Slug(w.Ward)}", "renamed", ResidentialArea(w.Ward))),
        new("phong-noi-vu", "merged", null, "vp-hdnd-ubnd-phuong"),
        new("phong-vh-tt", "merged", null, "phong-vh-xh-phuong"),
        new("phong-gd-dt", "merged", null, "phong-vh-xh-phuong"),
        new("phong-tn-mt", "merged", null, "phong-kt-ht-dt-phuong"),
        new("doi-qlttxd", "merged", null, "phong-kt-ht-dt-phuong"),
        new("quan-doan", "merged", null, "doan-phuong-hoan-kiem"),
        new("hoi-lhpn-quan", "merged", null, "hoi-lhpn-phuong-hoan-kiem"),
        new("hoi-chu-thap-do", "merged", null, "hoi-ctd-phuong-hoan-kiem"),
        new("ldld-quan", "merged", null, "cong-doan-phuong-hoan-kiem"),
        new("mttq-quan", "merged", null, "mttq-phuong-hoan-kiem"),
        new("hoi-ccb-quan", "split", null, "hoi-ccb-phuong-hoan-kiem", "hoi-ccb-phuong-cua-nam")
    ];

    /// <summary>Wards outside phường Hoàn Kiếm that nominees are written in: old wards now of Cửa Nam or Hồng Hà, and others.</summary>
    public static readonly string[] OutsideWards = ["Phan Chu Trinh", "Trần Hưng Đạo", "Chương Dương", "Quán Thánh", "Văn Miếu"];

    private static string ResidentialArea(string ward) => $"Khu dân cư {ward} (phường Hoàn Kiếm)";
}
