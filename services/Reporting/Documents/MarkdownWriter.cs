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
