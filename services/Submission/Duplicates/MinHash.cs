using System.Runtime.InteropServices;

namespace HoanKiem.Submission.Duplicates;

/// <summary>
/// A fixed-size MinHash signature of a shingle set: for each of <see cref="Length"/> hash functions, the smallest hash
/// of any shingle. Two signatures agree at a position with probability equal to the sets' Jaccard similarity.
/// Signatures are stored with the entry, so the functions are derived from a fixed seed and must never change
/// without recomputing them (<see cref="DuplicateDetector"/> recomputes any of another length at start).
/// </summary>
public static class MinHash
{
    public const int Length = 128;

    private static readonly ulong[] Multipliers = new ulong[Length];
    private static readonly ulong[] Addends = new ulong[Length];

    static MinHash()
    {
        var state = 0x5EED_4B0A_4E21_2019UL;
        for (var i = 0; i < Length; i++)
        {
            Multipliers[i] = SplitMix(ref state) | 1;
            Addends[i] = SplitMix(ref state);
        }
    }

    public static uint[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                // Multiply-add-shift: a universal family on 32-bit keys, cheap enough to run 128 times per shingle.
                var value = (uint)((Multipliers[i] * shingle + Addends[i]) >> 32);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    /// <summary>The share of positions where two signatures agree: an unbiased estimate of the sets' Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }
        return (double)equal / a.Length;
    }

    public static byte[] ToBytes(uint[] signature) => MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    public static uint[]? FromBytes(byte[]? bytes) =>
        bytes is { Length: Length * sizeof(uint) } ? MemoryMarshal.Cast<byte, uint>(bytes).ToArray() : null;

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
