using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HoanKiem.ServiceDefaults.Text;

/// <summary>Vietnamese text as people type it: NFC for storage, and a folded form for matching.</summary>
public static class VietnameseText
{
    /// <summary>
    /// JSON that keeps Vietnamese letters as they are (UTF-8) instead of \uXXXX escapes: readable, and an article a
    /// third smaller; characters that matter to HTML are still escaped. Stored events and API answers both use it.
    /// </summary>
    public static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>NFC, trimmed, inner whitespace collapsed to one space; null stays null.</summary>
    public static string? Clean(string? text) =>
        text is null ? null : string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Lower case without diacritics (đ folds to d) and with single spaces: "Hàng  Gai", "HÀNG GAI" and "hang gai" fold alike.
    /// </summary>
    public static string Fold(string text) =>
        FoldEach(text, decomposed: false) ?? FoldEach(text.Normalize(NormalizationForm.FormD), decomposed: true)!;

    // Folding the text's characters one by one gives what folding its decomposition (NFD) gives, as canonical
    // reordering moves only the marks that folding drops; a remembered answer per character spares decomposing each
    // ~10 KB article on every submission. Characters that decompose into several letters (Hangul), and those
    // normalisation refuses on their own (surrogates, U+FFFE), take the whole-text way.
    private const int Unknown = 0;
    private const int Dropped = -1;
    private const int NeedsWholeText = -2;
    private static readonly int[] FoldedChars = new int[char.MaxValue + 1];

    /// <summary>The folded text, or null when a character of it can be folded only with the whole text decomposed.</summary>
    private static string? FoldEach(string text, bool decomposed)
    {
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            var letter = decomposed ? FoldDecomposedChar(c) : FoldedChar(c);
            if (letter == NeedsWholeText)
            {
                return null;
            }
            if (letter == Dropped)
            {
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            folded.Append((char)letter);
        }
        return folded.ToString();
    }

    private static int FoldedChar(char c)
    {
        if (char.IsAscii(c))
        {
            return char.ToLowerInvariant(c);
        }
        var folded = FoldedChars[c];
        if (folded == Unknown)
        {
            folded = FoldedChars[c] = FoldAlone(c);
        }
        return folded;
    }

    private static int FoldAlone(char c)
    {
        if (char.IsSurrogate(c) || c == '\uFFFE')
        {
            return NeedsWholeText;
        }
        var letters = c.ToString().Normalize(NormalizationForm.FormD).Select(FoldDecomposedChar).Where(d => d != Dropped).ToList();
        return letters switch
        {
            [] => Dropped,
            [var letter] when !char.IsWhiteSpace((char)letter) => letter,
            _ => NeedsWholeText
        };
    }

    private static int FoldDecomposedChar(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Dropped : FoldLetter(c);

    private static char FoldLetter(char letter) => letter is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(letter);

    /// <summary>A ward name folded, without a leading "phường" or "P.": "P. Hàng Gai" and "phường hang gai" give "hang gai".</summary>
    public static string WardKey(string ward)
    {
        var folded = Fold(ward);
        foreach (var prefix in new[] { "phuong ", "p. ", "p.", "p " })
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return folded[prefix.Length..].Trim();
            }
        }
        return folded;
    }

    /// <summary>
    /// Words as a word processor counts them: whitespace-separated tokens. Counted in place, without splitting an article
    /// into a string per word; normalisation never turns whitespace into anything else or back, so any form counts alike.
    /// </summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
