using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoanKiem.Web.Components.Pages.Secretariat.Reports;

/// <summary>
/// The annual report's Markdown as HTML for the page: raw HTML in it is shown as text, links go only to http(s),
/// and its headings sit one level below the page's own.
/// </summary>
public static class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                link.Url = "";
                link.IsImage = false;
            }
        }
        return document.ToHtml(Pipeline);
    }
}
