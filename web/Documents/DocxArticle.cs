using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Web.Api;
using HoanKiem.Web.Components.Pages.Unit;

namespace HoanKiem.Web.Documents;

/// <summary>
/// Fills the sending form from an article written in Word: labelled lines ("Tác giả: …", "Phường: …") go to their
/// fields, the first other paragraph is the title unless one is labelled, and the rest is the body, paragraph by
/// paragraph. People check the form before sending, so a line read into the wrong field costs a correction, not an entry.
/// </summary>
public static partial class DocxArticle
{
    private enum Section { Article, Author, Nominee }

    public static async Task<ArticleForm?> ReadAsync(Stream docx, IReadOnlyList<ContestField> fields)
    {
        // OpenXml needs a seekable stream; an upload is at most a few hundred kilobytes.
        var buffer = new MemoryStream();
        await docx.CopyToAsync(buffer);
        buffer.Position = 0;
        List<(string Text, bool Heading)> paragraphs;
        try
        {
            using var document = WordprocessingDocument.Open(buffer, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return null;
            }
            paragraphs = [.. body.Descendants<Paragraph>()
                .Select(p => (Text: string.Concat(p.Descendants<Text>().Select(t => t.Text)).Trim(), Heading: IsHeading(p)))
                .Where(p => p.Text.Length > 0)];
        }
        catch (Exception exception) when (exception is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            return null;
        }

        var form = new ArticleForm();
        var section = Section.Article;
        var bodyParagraphs = new List<string>();
        foreach (var (text, heading) in paragraphs)
        {
            if (LabelLine().Match(text) is { Success: true } line && Assign(form, ref section, VietnameseText.Fold(line.Groups[1].Value).Trim(), line.Groups[2].Value.Trim(), fields))
            {
                continue;
            }
            if (form.Title is null && bodyParagraphs.Count == 0 && (heading || text.Length <= 200))
            {
                form.Title = text;
                continue;
            }
            bodyParagraphs.Add(text);
        }
        form.Body = string.Join("\n\n", bodyParagraphs);
        return form;
    }

    /// <summary>Puts a labelled value in its field; false when the label is none of the form's (then it is body text).</summary>
    private static bool Assign(ArticleForm form, ref Section section, string label, string value, IReadOnlyList<ContestField> fields)
    {
        switch (label)
        {
            case "ten bai" or "tieu de" or "ten bai viet":
                form.Title = value;
                return true;
            case "linh vuc":
                form.Field = FieldCode(value, fields);
                return true;
            case "tac gia" or "ho ten tac gia" or "ho va ten tac gia" or "nguoi du thi":
                section = Section.Author;
                form.AuthorName = value;
                return true;
            case "nguoi duoc gioi thieu" or "ho ten nguoi duoc gioi thieu" or "guong nguoi tot viec tot" or "nhan vat":
                section = Section.Nominee;
                form.NomineeName = value;
                return true;
            case "chuc vu" or "chuc danh" or "nghe nghiep" or "chuc vu, noi cong tac":
                if (section == Section.Nominee) { form.NomineePosition = value; } else { form.AuthorPosition = value; }
                return true;
            case "dien thoai" or "so dien thoai" or "sdt" or "dt":
                form.AuthorPhone = value;
                return true;
            case "email" or "e-mail" or "thu dien tu":
                form.AuthorEmail = value;
                return true;
            case "nam sinh":
                form.NomineeBirthYear = value;
                return true;
            case "noi cong tac" or "don vi cong tac" or "co quan":
                form.NomineeWorkplace = value;
                return true;
            case "dia chi" or "so nha" or "duong pho":
                form.NomineeStreet = value;
                return true;
            case "phuong":
                form.NomineeWard = value;
                return true;
            default:
                return false;
        }
    }

    private static string? FieldCode(string value, IReadOnlyList<ContestField> fields)
    {
        var folded = VietnameseText.Fold(value);
        return fields.FirstOrDefault(f => f.Code == value.Trim().ToLowerInvariant()
                || VietnameseText.Fold(f.Name) is var name && (name == folded || name.StartsWith(folded, StringComparison.Ordinal) || folded.StartsWith(name, StringComparison.Ordinal)))
            ?.Code;
    }

    private static bool IsHeading(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style
        && (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^([^:]{1,40}):\s*(.+)$")]
    private static partial Regex LabelLine();
}
