using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HoanKiem.Web.Components.Pages.Secretariat.Refusals;

/// <summary>A stretch of a paragraph, and whether the other article has it too.</summary>
public sealed record Passage(string Text, bool Shared);

/// <summary>
/// Two articles compared paragraph by paragraph, then word by word inside the paragraphs that differ, so what the copy
/// took from the original stands out in both.
/// </summary>
public static class SharedPassages
{
    public static (List<List<Passage>> Original, List<List<Passage>> Copy) Compare(string original, string copy)
    {
        var model = SideBySideDiffBuilder.Diff(Differ.Instance, Normalise(original), Normalise(copy), ignoreWhiteSpace: true, ignoreCase: false,
            new LineChunker(), new WordChunker());
        return (Paragraphs(model.OldText), Paragraphs(model.NewText));
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Normalize(System.Text.NormalizationForm.FormC);

    private static List<List<Passage>> Paragraphs(DiffPaneModel pane)
    {
        var paragraphs = new List<List<Passage>>();
        foreach (var line in pane.Lines)
        {
            if (line.Type == ChangeType.Imaginary || string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }
            var passages = new List<Passage>();
            if (line.Type == ChangeType.Modified && line.SubPieces.Count > 0)
            {
                foreach (var piece in line.SubPieces.Where(p => p.Type != ChangeType.Imaginary && p.Text is not null))
                {
                    Add(passages, piece.Text!, piece.Type == ChangeType.Unchanged);
                }
            }
            else
            {
                Add(passages, line.Text!, line.Type == ChangeType.Unchanged);
            }
            paragraphs.Add(passages);
        }
        return paragraphs;
    }

    /// <summary>Neighbouring pieces of the same kind are one passage; a space between two shared ones stays shared.</summary>
    private static void Add(List<Passage> passages, string text, bool shared)
    {
        if (passages.Count > 0 && (passages[^1].Shared == shared || (string.IsNullOrWhiteSpace(text) && passages[^1].Shared)))
        {
            passages[^1] = passages[^1] with { Text = passages[^1].Text + text };
            return;
        }
        passages.Add(new Passage(text, shared));
    }
}
