using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults;

namespace HoanKiem.Recognition.Documents;

/// <summary>
/// A decision's certificates (Giấy khen), one landscape page per recipient, to print and sign: the national name,
/// the signer's office, the recipient and what they are commended for, the decision's number, the place and date,
/// the signer.
/// </summary>
public static class Certificates
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary>For a year whose organiser this service never heard of: the district's committee, as before 2025.</summary>
    public static readonly string DefaultIssuer = ContestOrganiser.HoanKiemDistrict.Name;
    public static readonly string DefaultSignerTitle = ContestOrganiser.HoanKiemDistrict.SignerTitle;
    public const string Place = "Hoàn Kiếm";
    private const string Font = "Times New Roman";

    public static string DefaultAchievement(int year) =>
        $"Đã có thành tích tiêu biểu trong phong trào thi đua “Người tốt, việc tốt” năm {year}";

    /// <param name="wards">The ward of each commended nominee, by id.</param>
    /// <param name="units">The name of each commended unit, by code.</param>
    public static byte[] Write(Decision decision, IReadOnlyDictionary<Guid, string> wards, IReadOnlyDictionary<string, string> units)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            var recipients = decision.Recipients.OrderBy(r => r.Id).ToList();
            for (var i = 0; i < recipients.Count; i++)
            {
                var recipient = recipients[i];
                var where = recipient.NomineeId is { } nominee && wards.TryGetValue(nominee, out var ward) ? $"Phường {ward}"
                    : recipient.UnitCode is { } code && units.TryGetValue(code, out var unit) && unit != recipient.Name ? unit
                    : null;
                body.Append(Page(decision, recipient.Name, where, lastPage: i == recipients.Count - 1));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            var main = word.AddMainDocumentPart();
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Page(Decision decision, string name, string? where, bool lastPage)
    {
        var signed = decision.SignedOn;
        var title = decision.SignerTitle ?? DefaultSignerTitle;
        yield return Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, bold: true);
        yield return Line("Độc lập - Tự do - Hạnh phúc", 26, bold: true, after: 360);
        yield return Line($"{title} {decision.Issuer ?? DefaultIssuer}".ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 28, bold: true);
        yield return Line("TẶNG", 28, bold: true, after: 120);
        yield return Line("GIẤY KHEN", 56, bold: true, after: 240);
        yield return Line(name, 40, bold: true, italic: true, after: where is null ? 240 : 60);
        if (where is not null)
        {
            yield return Line(where, 28, after: 240);
        }
        yield return Line(decision.Achievement ?? DefaultAchievement(decision.Year), 28, italic: true, after: 360);
        yield return Line($"Quyết định số {decision.Number}", 24, after: 0, alignment: JustificationValues.Left);
        yield return Line($"{Place}, {VietnamTime.WrittenDate(signed)}", 26, italic: true, after: 0, alignment: JustificationValues.Right);
        yield return Line(title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 26, bold: true, after: 1200, alignment: JustificationValues.Right);
        var signer = Line(decision.SignerName ?? "", 28, bold: true, after: 0, alignment: JustificationValues.Right);
        if (!lastPage)
        {
            signer.Append(new Run(new Break { Type = BreakValues.Page }));
        }
        yield return signer;
    }

    private static Paragraph Line(string text, int halfPoints, bool bold = false, bool italic = false, int after = 60,
        JustificationValues? alignment = null)
    {
        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            run.Append(new Bold());
        }
        if (italic)
        {
            run.Append(new Italic());
        }
        run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }, new Languages { Val = "vi-VN" });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = after.ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = alignment ?? JustificationValues.Center }),
            new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
