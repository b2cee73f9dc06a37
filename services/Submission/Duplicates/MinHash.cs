using System.Numerics;
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

    private static readonly uint[] Seeds = new uint[Length];
    private static readonly uint[] Multipliers = new uint[Length];

    static MinHash()
    {
        var state = 0x5EED_4B0A_4E21_2019UL;
        for (var i = 0; i < Length; i++)
        {
            Seeds[i] = (uint)SplitMix(ref state);
            Multipliers[i] = (uint)SplitMix(ref state) | 1;
        }
    }

    public static uint[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        var lanes = Vector<uint>.Count;
        foreach (var shingle in shingles)
        {
            var value = new Vector<uint>(shingle);
            for (var i = 0; i < Length; i += lanes)
            {
                // Shingles are already well-mixed hashes: xor with a seed, an odd multiply and an xor-shift make each
                // position an independent-looking permutation of them, in a few vector instructions per 8 positions.
                var hashed = (value ^ new Vector<uint>(Seeds.AsSpan(i))) * new Vector<uint>(Multipliers.AsSpan(i));
                hashed ^= Vector.ShiftRightLogical(hashed, 15);
                Vector.Min(hashed, new Vector<uint>(signature.AsSpan(i))).CopyTo(signature.AsSpan(i));
            }
        }
        return signature;
    }

    /// <summary>The share of positions where two signatures agree: an unbiased estimate of the sets' Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b) => (double)Matches(a, b) / a.Length;

    /// <summary>How many positions two signatures (or equal-length parts of them, a multiple of 16 long) agree at.</summary>
    public static int Matches(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        // Each equal lane is -1 in the comparison mask; summing the masks counts the equal positions.
        var equal = Vector<int>.Zero;
        for (var i = 0; i < a.Length; i += Vector<uint>.Count)
        {
            equal += Vector.AsVectorInt32(Vector.Equals(new Vector<uint>(a[i..]), new Vector<uint>(b[i..])));
        }
        return -Vector.Sum(equal);
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
