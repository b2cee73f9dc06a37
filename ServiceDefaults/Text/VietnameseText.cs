using System.Collections.Frozen;
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
    /// What a reader cannot see does not count either: invisible characters (zero-width spaces, soft hyphens, joiners, the
    /// byte order mark) are dropped, compatibility forms (fullwidth and mathematical letters) read as their plain letters, and
    /// Cyrillic and Greek letters that look like Latin ones read as those, so such text matches what it looks like.
    /// </summary>
    public static string Fold(string text) =>
        FoldEach(text, decomposed: false) ?? FoldEach(Decomposed(text), decomposed: true)!;

    /// <summary>
    /// The canonical decomposition with look-alikes read as Latin letters, then the compatibility decomposition: in this
    /// order, as the latter turns some look-alikes into other letters (the lunate sigma ϲ, drawn like c, into ς).
    /// </summary>
    private static string Decomposed(string text)
    {
        var canonical = text.Normalize(NormalizationForm.FormD).ToCharArray();
        for (var i = 0; i < canonical.Length; i++)
        {
            canonical[i] = LookAlikes.GetValueOrDefault(canonical[i], canonical[i]);
        }
        return new string(canonical).Normalize(NormalizationForm.FormKD);
    }

    // Folding the text's characters one by one gives what folding its decomposition gives, as canonical reordering moves
    // only the marks that folding drops; a remembered answer per character spares decomposing each ~10 KB article on
    // every submission. Characters that decompose into several letters (Hangul, ligatures), and those normalisation
    // refuses on their own (surrogates, U+FFFE), take the whole-text way.
    private const int Unknown = 0;
    private const int Dropped = -1;
    private const int NeedsWholeText = -2;
    private static readonly int[] FoldedChars = new int[char.MaxValue + 1];

    /// <summary>
    /// Letters of other scripts drawn like Latin ones, as their Latin letter in lower case: the Cyrillic and Greek entries
    /// (and a few Latin variants) of Unicode's confusables.txt (UTS #39, "Unicode Security Mechanisms") whose prototype
    /// is a single Latin letter, the idea of its skeleton without its whole table. Digits and letters drawn alike only in
    /// some fonts are left alone: those are changes a reader sees.
    /// </summary>
    private static readonly FrozenDictionary<char, char> LookAlikes = new (char Letter, char Latin)[]
    {
        // Cyrillic capitals: А В Е К М Н О Р С Т У Х Ѕ І Ј Ү Ӏ Ԛ Ԝ
        ('\u0410', 'a'), ('\u0412', 'b'), ('\u0415', 'e'), ('\u041A', 'k'), ('\u041C', 'm'), ('\u041D', 'h'), ('\u041E', 'o'),
        ('\u0420', 'p'), ('\u0421', 'c'), ('\u0422', 't'), ('\u0423', 'y'), ('\u0425', 'x'), ('\u0405', 's'), ('\u0406', 'i'),
        ('\u0408', 'j'), ('\u04AE', 'y'), ('\u04C0', 'l'), ('\u051A', 'q'), ('\u051C', 'w'),
        // Cyrillic small letters: а е о р с у х ѕ і ј һ ԁ ү ӏ ԛ ԝ ѵ
        ('\u0430', 'a'), ('\u0435', 'e'), ('\u043E', 'o'), ('\u0440', 'p'), ('\u0441', 'c'), ('\u0443', 'y'), ('\u0445', 'x'),
        ('\u0455', 's'), ('\u0456', 'i'), ('\u0458', 'j'), ('\u04BB', 'h'), ('\u0501', 'd'), ('\u04AF', 'y'), ('\u04CF', 'l'),
        ('\u051B', 'q'), ('\u051D', 'w'), ('\u0475', 'v'),
        // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϲ Ϳ
        ('\u0391', 'a'), ('\u0392', 'b'), ('\u0395', 'e'), ('\u0396', 'z'), ('\u0397', 'h'), ('\u0399', 'i'), ('\u039A', 'k'),
        ('\u039C', 'm'), ('\u039D', 'n'), ('\u039F', 'o'), ('\u03A1', 'p'), ('\u03A4', 't'), ('\u03A5', 'y'), ('\u03A7', 'x'),
        ('\u03F9', 'c'), ('\u037F', 'j'),
        // Greek small letters: α γ ι ν ο ρ υ ϲ ϳ
        ('\u03B1', 'a'), ('\u03B3', 'y'), ('\u03B9', 'i'), ('\u03BD', 'v'), ('\u03BF', 'o'), ('\u03C1', 'p'), ('\u03C5', 'u'),
        ('\u03F2', 'c'), ('\u03F3', 'j'),
        // Latin variants: ı ȷ ɑ ɡ ɩ
        ('\u0131', 'i'), ('\u0237', 'j'), ('\u0251', 'a'), ('\u0261', 'g'), ('\u0269', 'i')
    }.ToFrozenDictionary(p => p.Letter, p => p.Latin);

    /// <summary>The folded text, or null when a character of it can be folded only with the whole text decomposed.</summary>
    private static string? FoldEach(string text, bool decomposed)
    {
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (decomposed && char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Beyond the BMP only invisible characters (tags, variation selectors) are dropped; letters stay as they are.
                if (!IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    AppendLetter(folded, ref pendingSpace, c);
                    folded.Append(text[i + 1]);
                }
                i++;
                continue;
            }
            var letter = decomposed ? FoldDecomposedChar(c) : FoldedChar(c);
            if (letter == NeedsWholeText)
            {
                return null;
            }
            if (letter != Dropped)
            {
                AppendLetter(folded, ref pendingSpace, (char)letter);
            }
        }
        return folded.ToString();
    }

    private static void AppendLetter(StringBuilder folded, ref bool pendingSpace, char letter)
    {
        if (pendingSpace)
        {
            folded.Append(' ');
            pendingSpace = false;
        }
        folded.Append(letter);
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
        var letters = Decomposed(c.ToString()).Select(FoldDecomposedChar).Where(d => d != Dropped).ToList();
        return letters switch
        {
            [] => Dropped,
            [var letter] when !char.IsWhiteSpace((char)letter) => letter,
            _ => NeedsWholeText
        };
    }

    private static int FoldDecomposedChar(char c) =>
        IsInvisible(CharUnicodeInfo.GetUnicodeCategory(c)) || IsHangulFiller(c) ? Dropped : FoldLetter(c);

    /// <summary>
    /// Marks (dropped as diacritics, and so are variation selectors and the combining grapheme joiner) and format characters:
    /// with the Hangul fillers, every default-ignorable character Unicode assigns (soft hyphen, zero-width space and joiners,
    /// direction marks and embeddings, word joiner, invisible operators, byte order mark, tags).
    /// </summary>
    private static bool IsInvisible(UnicodeCategory category) => category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format;

    private static bool IsHangulFiller(char c) => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0';

    private static char FoldLetter(char letter) =>
        letter is 'đ' or 'Đ' ? 'd' : LookAlikes.TryGetValue(letter, out var latin) ? latin : char.ToLowerInvariant(letter);

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
