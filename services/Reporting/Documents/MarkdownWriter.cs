using System.Text;

namespace HoanKiem.Reporting.Documents;

public static class MarkdownWriter
{
    public const string MediaType = "text/markdown";

    public static string Write(ReportDocument document)
    {
        var markdown = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    markdown.Append('#', heading.Level).Append(' ').AppendLine(Escape(heading.Text));
                    break;
                case Paragraph paragraph:
                    markdown.AppendLine(Escape(paragraph.Text));
                    break;
                case BulletList list:
                    foreach (var item in list.Items)
                    {
                        markdown.Append("- ").AppendLine(Escape(item));
                    }
                    break;
                case Letterhead head:
                    if (head.ParentOrganisation is { Length: > 0 } parent)
                    {
                        markdown.Append(Escape(parent)).AppendLine("  ");
                    }
                    markdown.Append("**").Append(Escape(head.Organiser)).AppendLine("**  ")
                        .AppendLine(Escape(head.Number)).AppendLine()
                        .Append("**").Append(Letterhead.NationalName).AppendLine("**  ")
                        .Append("**").Append(Letterhead.Motto).AppendLine("**  ")
                        .Append('*').Append(Escape(head.PlaceAndDate)).AppendLine("*");
                    break;
                case Signature foot:
                    markdown.AppendLine("**Nơi nhận:**").AppendLine();
                    foreach (var recipient in foot.Recipients)
                    {
                        markdown.Append("- ").AppendLine(Escape(recipient.TrimStart('-', ' ')));
                    }
                    markdown.AppendLine()
                        .Append("**").Append(Escape(foot.Capacity)).AppendLine("**  ")
                        .Append("**").Append(Escape(foot.Title)).AppendLine("**");
                    if (foot.Name is { Length: > 0 } name)
                    {
                        markdown.AppendLine().Append("**").Append(Escape(name)).AppendLine("**");
                    }
                    break;
                case PageBreak:
                    markdown.AppendLine("---");
                    break;
                case Table table:
                    markdown.Append("**").Append(Escape(table.Caption)).AppendLine("**").AppendLine();
                    markdown.AppendLine(Row(table.Header));
                    markdown.AppendLine(Row(table.Header.Select(_ => "---")));
                    foreach (var row in table.Rows)
                    {
                        markdown.AppendLine(Row(row));
                    }
                    break;
            }
            markdown.AppendLine();
        }
        return markdown.ToString();
    }

    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Select(c => Escape(c).Replace("|", "\\|")))} |";

    /// <summary>Unit names and titles come from users: their punctuation must not turn into Markdown.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return escaped.ToString();
    }
}
