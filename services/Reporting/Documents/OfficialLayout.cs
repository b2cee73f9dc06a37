using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;

namespace HoanKiem.Reporting.Documents;

/// <summary>The head and foot every document of the year carries, from the secretariat's settings.</summary>
public static class OfficialLayout
{
    /// <param name="kind">The document kind's code in its number, BC for a report, TB for a notice.</param>
    public static Letterhead Head(DocumentSettings settings, string kind, DateOnly date) => new(
        settings.ParentOrganisation?.ToUpperInvariant(),
        settings.Organiser.ToUpperInvariant(),
        $"Số: {settings.Number ?? $"      /{kind}-{settings.IssuerCode}"}",
        $"{settings.Place}, {VietnamTime.WrittenDate(date)}");

    public static Signature Foot(DocumentSettings settings) => new(
        [.. settings.Recipients.Select((recipient, i) => $"- {recipient}{(i == settings.Recipients.Count - 1 ? "." : ";")}")],
        settings.SignerCapacity.ToUpperInvariant(), settings.SignerTitle.ToUpperInvariant(), settings.SignerName);

    /// <summary>The narrative the secretariat wrote, one paragraph per blank-line-separated block.</summary>
    public static IEnumerable<Paragraph> Narrative(string? text) =>
        (text ?? "").Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(block => new Paragraph(string.Join(' ', block.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
}
