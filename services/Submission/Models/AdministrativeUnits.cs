using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Submission.Models;

/// <summary>What an administrative unit became: another unit, all of it or a part.</summary>
public sealed record Succession(string Code, bool Whole);

/// <summary>
/// A district or ward of Hà Nội with the days it existed (<c>ValidUntil</c> is its last day) and, once it ceased, the
/// units it went into. <c>Name</c> is the proper name without its level ("Hàng Gai", not "phường Hàng Gai").
/// </summary>
public sealed record AdministrativeUnit(
    string Code, string Level, string Name, string? Within, DateOnly? ValidFrom, DateOnly? ValidUntil, IReadOnlyList<Succession> Became)
{
    public string FullName => $"{(Level == ContestOrganiser.District ? "quận" : "phường")} {Name}";

    public bool ValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>
/// The Hoàn Kiếm part of Hà Nội's 2025 reorganisation (Resolution 1656/NQ-UBTVQH15 of 16 June 2025, in force on
/// 1 July 2025): the district and its 18 wards ceased, and their land went into five new wards. A static seed, as these
/// change only by law; docs/reorganisation.md gives the sources.
/// </summary>
public static class AdministrativeUnits
{
    public static readonly DateOnly Reorganised = new(2025, 7, 1);
    private static readonly DateOnly LastDayBefore = Reorganised.AddDays(-1);

    public const string HoanKiemDistrict = "quan-hoan-kiem";
    public const string HoanKiemWard = "phuong-hoan-kiem";
    public const string CuaNamWard = "phuong-cua-nam";
    public const string HongHaWard = "phuong-hong-ha";
    public const string BaDinhWard = "phuong-ba-dinh";

    private static AdministrativeUnit OldWard(string name, params Succession[] became) =>
        new($"phuong-{Slug(name)}-cu", ContestOrganiser.Ward, name, HoanKiemDistrict, null, LastDayBefore, became);

    private static AdministrativeUnit NewWard(string code, string name) =>
        new(code, ContestOrganiser.Ward, name, null, Reorganised, null, []);

    private static Succession Whole(string code) => new(code, true);
    private static Succession Part(string code) => new(code, false);

    public static readonly IReadOnlyList<AdministrativeUnit> All =
    [
        new(HoanKiemDistrict, ContestOrganiser.District, "Hoàn Kiếm", null, null, LastDayBefore, []),
        OldWard("Hàng Mã", Whole(HoanKiemWard)),
        OldWard("Hàng Bồ", Whole(HoanKiemWard)),
        OldWard("Hàng Đào", Whole(HoanKiemWard)),
        OldWard("Hàng Bạc", Whole(HoanKiemWard)),
        OldWard("Hàng Buồm", Whole(HoanKiemWard)),
        OldWard("Hàng Gai", Whole(HoanKiemWard)),
        OldWard("Lý Thái Tổ", Whole(HoanKiemWard)),
        OldWard("Đồng Xuân", Part(HoanKiemWard), Part(BaDinhWard)),
        OldWard("Cửa Đông", Part(HoanKiemWard), Part(BaDinhWard)),
        OldWard("Tràng Tiền", Part(HoanKiemWard), Part(CuaNamWard)),
        OldWard("Hàng Bông", Part(HoanKiemWard), Part(CuaNamWard)),
        OldWard("Hàng Trống", Part(HoanKiemWard), Part(CuaNamWard)),
        OldWard("Cửa Nam", Part(CuaNamWard), Part(HoanKiemWard), Part(BaDinhWard)),
        OldWard("Trần Hưng Đạo", Whole(CuaNamWard)),
        OldWard("Hàng Bài", Whole(CuaNamWard)),
        OldWard("Phan Chu Trinh", Whole(CuaNamWard)),
        OldWard("Chương Dương", Whole(HongHaWard)),
        OldWard("Phúc Tân", Whole(HongHaWard)),
        NewWard(HoanKiemWard, "Hoàn Kiếm"),
        NewWard(CuaNamWard, "Cửa Nam"),
        NewWard(HongHaWard, "Hồng Hà"),
        NewWard(BaDinhWard, "Ba Đình")
    ];

    private static readonly Dictionary<string, AdministrativeUnit> ByCode = All.ToDictionary(u => u.Code);

    public static AdministrativeUnit? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code.Trim().ToLowerInvariant());

    /// <summary>The wards an area is made of on a day: a district's wards of that day, or a ward itself.</summary>
    public static IReadOnlyList<AdministrativeUnit> WardsOf(AdministrativeUnit area, DateOnly day) =>
        area.Level == ContestOrganiser.District
            ? [.. All.Where(u => u.Within == area.Code && u.ValidOn(day))]
            : [area];

    /// <summary>The wards, of any day, whose names match what a person wrote (case, diacritics and "phường" aside).</summary>
    public static IEnumerable<AdministrativeUnit> Named(string written)
    {
        var key = VietnameseText.WardKey(written);
        return All.Where(u => u.Level == ContestOrganiser.Ward && VietnameseText.WardKey(u.Name) == key);
    }

    private static string Slug(string name) =>
        string.Join('-', VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
