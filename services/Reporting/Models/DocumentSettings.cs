using HoanKiem.Contracts;

namespace HoanKiem.Reporting.Models;

/// <summary>
/// What the secretariat writes on a year's documents around the computed figures (Decree 30/2020's layout): who
/// issues them, the number, place and date, the signature block and recipients, and the narrative paragraphs.
/// A year without settings gets its organiser's defaults: the district's until 1 July 2025, a ward's after.
/// </summary>
public sealed class DocumentSettings
{
    public const int LineLength = 200;
    public const int MaxRecipients = 20;
    public const int NarrativeLength = 20_000;

    public int Year { get; set; }
    /// <summary>The body above the issuer, if any (e.g. a committee's people's committee); the 2019 report had none.</summary>
    public string? ParentOrganisation { get; set; }
    public string Organiser { get; set; } = "ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM";

    /// <summary>The issuer's abbreviation in document numbers: …/BC-UBND, …/TB-UBND.</summary>
    public string IssuerCode { get; set; } = "UBND";
    public string Place { get; set; } = "Hoàn Kiếm";
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string SignerCapacity { get; set; } = "TM. ỦY BAN NHÂN DÂN";
    public string SignerTitle { get; set; } = "CHỦ TỊCH";
    public string? SignerName { get; set; }
    public List<string> Recipients { get; set; } =
        ["UBND thành phố Hà Nội", "Hội đồng TĐKT thành phố", "Thường trực Quận ủy", "Thường trực HĐND quận", "Các đơn vị thuộc quận", "Lưu: VT"];

    /// <summary>Part one's opening on the movement, before its computed titles.</summary>
    public string? MovementNarrative { get; set; }

    /// <summary>The causes of the limitations, after the computed list of units.</summary>
    public string? Causes { get; set; }

    /// <summary>Part three: the tasks for the coming year.</summary>
    public string? NextYearTasks { get; set; }

    /// <summary>The district's defaults are those of its 2019 report; another organiser's follow its name, area and level.</summary>
    public static DocumentSettings DefaultFor(int year, ContestOrganiser organiser)
    {
        var settings = new DocumentSettings { Year = year };
        if (organiser == ContestOrganiser.HoanKiemDistrict)
        {
            return settings;
        }
        var level = organiser.LevelWord;
        settings.Organiser = organiser.Name.ToUpperInvariant();
        settings.Place = PlaceOf(organiser);
        settings.SignerTitle = organiser.SignerTitle.ToUpperInvariant();
        settings.Recipients = organiser.Level == ContestOrganiser.Other
            ? ["UBND thành phố Hà Nội", "Hội đồng TĐKT thành phố", $"Các đơn vị thuộc {organiser.AreaName}", "Lưu: VT"]
            : ["UBND thành phố Hà Nội", "Hội đồng TĐKT thành phố", $"Thường trực Đảng ủy {level}", $"Thường trực HĐND {level}", $"Các đơn vị thuộc {level}", "Lưu: VT"];
        return settings;
    }

    /// <summary>The place a document is written at: the area's proper name without its level ("phường Hoàn Kiếm" → "Hoàn Kiếm").</summary>
    private static string PlaceOf(ContestOrganiser organiser) =>
        organiser.Level == ContestOrganiser.Other ? "Hà Nội"
        : organiser.AreaName.StartsWith(organiser.LevelWord + " ", StringComparison.OrdinalIgnoreCase) ? organiser.AreaName[(organiser.LevelWord.Length + 1)..]
        : organiser.AreaName;
}
