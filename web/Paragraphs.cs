namespace HoanKiem.Web;

public static class Paragraphs
{
    /// <summary>An article's paragraphs as its author broke them: every line with text is one.</summary>
    public static IEnumerable<string> Of(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
}
