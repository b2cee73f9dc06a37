using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Web.Components.Pages.Secretariat.Units;

/// <summary>The kinds of unit the API knows, with the names the secretariat writes in its sheets.</summary>
public static class UnitKinds
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("ward", "Phường"),
        ("department", "Phòng, ban, cơ quan"),
        ("school", "Trường học"),
        ("association", "Hội, đoàn thể"),
        ("enterprise", "Doanh nghiệp"),
        ("other", "Khác")
    ];

    /// <summary>Other words a sheet may use for a kind, folded (lower case, no diacritics).</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["phuong"] = "ward", ["ward"] = "ward",
        ["phong"] = "department", ["ban"] = "department", ["co quan"] = "department", ["phong ban"] = "department", ["department"] = "department",
        ["truong"] = "school", ["truong hoc"] = "school", ["school"] = "school",
        ["hoi"] = "association", ["doan the"] = "association", ["hoi doan the"] = "association", ["association"] = "association",
        ["doanh nghiep"] = "enterprise", ["cong ty"] = "enterprise", ["enterprise"] = "enterprise",
        ["khac"] = "other", ["other"] = "other"
    };

    public static string Name(string code) => All.FirstOrDefault(k => k.Code == code).Name ?? code;

    /// <summary>The kind a sheet's cell names, in Vietnamese or as the API's code; null when it names none.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var folded = VietnameseText.Fold(text).Replace(",", " ", StringComparison.Ordinal).Trim();
        folded = string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Aliases.GetValueOrDefault(folded) ?? All.FirstOrDefault(k => VietnameseText.Fold(k.Name).Replace(",", "", StringComparison.Ordinal) == folded).Code;
    }
}
