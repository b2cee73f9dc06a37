using System.Numerics;
using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Submission.Duplicates;

/// <summary>
/// An article as a set of hashed syllable shingles: runs of <see cref="Size"/> consecutive syllables within one sentence,
/// after folding case and diacritics (so NFD, NFC and text typed without diacritics give the same set) and dropping
/// punctuation and whitespace. Shingles never span a sentence end, so reordering sentences leaves the set unchanged.
/// </summary>
public static class Shingles
{
    /// <summary>
    /// Four syllables are about two Vietnamese words: long enough that stock phrases of the genre ("của phường",
    /// "trong công tác") do not make different articles look alike, short enough that one changed word costs only
    /// four shingles out of about 1,400.
    /// </summary>
    public const int Size = 4;

    /// <summary>The article's shingle hashes, sorted and distinct.</summary>
    public static uint[] Of(string text)
    {
        var folded = VietnameseText.Fold(text);
        var shingles = new List<uint>(folded.Length / 5);
        var window = new ulong[Size];
        var inSentence = 0;
        var token = 0UL;
        var inToken = false;

        void EndToken()
        {
            if (!inToken)
            {
                return;
            }
            window[inSentence % Size] = token;
            inSentence++;
            if (inSentence >= Size)
            {
                shingles.Add(Combine(window, inSentence - Size, Size));
            }
            token = 0;
            inToken = false;
        }

        void EndSentence()
        {
            EndToken();
            if (inSentence is > 0 and < Size)
            {
                shingles.Add(Combine(window, 0, inSentence));
            }
            inSentence = 0;
        }

        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                token = (token ^ c) * 0x100000001B3UL + 0x9E37;
                inToken = true;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                EndSentence();
            }
            else
            {
                EndToken();
            }
        }
        EndSentence();

        shingles.Sort();
        var distinct = 0;
        for (var i = 0; i < shingles.Count; i++)
        {
            if (i == 0 || shingles[i] != shingles[distinct - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }
        return shingles.GetRange(0, distinct).ToArray();
    }

    /// <summary>Exact Jaccard similarity |A∩B| / |A∪B| of two sorted distinct shingle sets; two empty sets share nothing.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (double)common / (a.Length + b.Length - common);
    }

    private static uint Combine(ulong[] window, int first, int count)
    {
        var hash = 0xCBF29CE484222325UL ^ (ulong)count;
        for (var k = 0; k < count; k++)
        {
            hash = BitOperations.RotateLeft((hash ^ window[(first + k) % Size]) * 0x9E3779B97F4A7C15UL, 29);
        }
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (uint)(hash >> 32);
    }
}
