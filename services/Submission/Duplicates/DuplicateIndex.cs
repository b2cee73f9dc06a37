namespace HoanKiem.Submission.Duplicates;

/// <summary>An article's shingle set and its MinHash signature, computed once per submission.</summary>
public sealed record Fingerprint(uint[] Shingles, uint[] Signature)
{
    public static Fingerprint Of(string body)
    {
        var shingles = HoanKiem.Submission.Duplicates.Shingles.Of(body);
        return new(shingles, MinHash.Signature(shingles));
    }

    public bool IsEmpty => Shingles.Length == 0;
}

/// <summary>A stored entry as the index knows it: enough to answer <c>duplicateOf</c> without a query.</summary>
public sealed record IndexedEntry(Guid Id, int Year, string UnitCode, DateTimeOffset ReceivedAt);

/// <summary>An indexed entry whose signature agrees with the query's well enough to be worth an exact comparison.</summary>
public sealed record Candidate(IndexedEntry Entry, double Estimate);

/// <summary>
/// Locality-sensitive hashing over MinHash signatures, in memory: the signature is cut into <see cref="Bands"/> bands of
/// <see cref="Rows"/> values and each band hashed to a bucket; entries sharing any bucket with the query are candidates.
/// A query costs a fixed number of bucket look-ups however many entries are stored, plus a cheap test per bucket-mate.
/// Not thread-safe: <see cref="DuplicateDetector"/> serialises every use.
/// </summary>
public sealed class DuplicateIndex
{
    /// <summary>
    /// 32 bands of 4 rows: a pair with Jaccard J shares a bucket with probability 1 − (1 − J⁴)³², which is 0.99 at
    /// J = 0.6 and above 0.9999 at J = 0.75, but 0.003 at J = 0.1 and 0.05 at J = 0.2. The generated corpus, whose
    /// different articles are unusually alike (≈ 0.2), gives a query a few thousand bucket-mates at 100k entries, a
    /// share of the check's cost; real articles, further apart, give fewer.
    /// </summary>
    public const int Bands = 32;
    public const int Rows = MinHash.Length / Bands;
    private const int Prefix = MinHash.Length / 4;

    private readonly Dictionary<ulong, int> heads = [];
    private readonly List<int> next = [];
    private readonly List<IndexedEntry?> entries = [];
    private readonly Dictionary<Guid, int> ordinals = [];
    // All signatures end to end: a candidate costs one contiguous read, not a hop through an array object.
    private uint[] signatures = new uint[1024 * MinHash.Length];
    private int[] seen = [];
    private int stamp;

    public int Count => ordinals.Count;

    public void Add(IndexedEntry entry, uint[] signature)
    {
        // An article without a single syllable (all punctuation) has no shingles and can repeat nothing.
        if (ordinals.ContainsKey(entry.Id) || signature.Length != MinHash.Length || signature.All(v => v == uint.MaxValue))
        {
            return;
        }
        var ordinal = entries.Count;
        if ((ordinal + 1) * MinHash.Length > signatures.Length)
        {
            Array.Resize(ref signatures, signatures.Length * 2);
        }
        signature.CopyTo(signatures, ordinal * MinHash.Length);
        entries.Add(entry);
        ordinals[entry.Id] = ordinal;
        for (var band = 0; band < Bands; band++)
        {
            var key = BucketKey(entry.Year, band, signature);
            next.Add(heads.TryGetValue(key, out var head) ? head : -1);
            heads[key] = ordinal * Bands + band;
        }
    }

    /// <summary>Takes an entry out of future answers (a withdrawn entry); its bucket links stay but are skipped.</summary>
    public bool Remove(Guid id)
    {
        if (!ordinals.Remove(id, out var ordinal))
        {
            return false;
        }
        entries[ordinal] = null;
        return true;
    }

    /// <summary>Entries of the same year sharing a bucket with the signature whose estimated similarity is at least <paramref name="minEstimate"/>, best first.</summary>
    public List<Candidate> Candidates(int year, uint[] signature, double minEstimate)
    {
        var found = new List<Candidate>();
        // Half the agreements the floor expects over the prefix: an entry at the threshold (J = 0.5) falls below 6 of 32
        // with probability 6·10⁻⁵, while most of the genre's different articles that share a bucket are dropped here.
        var prefixMinimum = (int)(Prefix * minEstimate / 2) + 1;
        if (seen.Length < entries.Count)
        {
            Array.Resize(ref seen, Math.Max(entries.Count, seen.Length * 2));
        }
        if (++stamp == int.MaxValue)
        {
            Array.Clear(seen);
            stamp = 1;
        }
        for (var band = 0; band < Bands; band++)
        {
            if (!heads.TryGetValue(BucketKey(year, band, signature), out var link))
            {
                continue;
            }
            for (; link >= 0; link = next[link])
            {
                var ordinal = link / Bands;
                if (seen[ordinal] == stamp)
                {
                    continue;
                }
                seen[ordinal] = stamp;
                // Cheapest test first: most entries sharing a bucket are different articles with a low estimate, and
                // the first quarter of the signature (two cache lines) usually says so. A bucket key is a 64-bit hash
                // of year, band and values, so the year is checked only for the survivors.
                var stored = signatures.AsSpan(ordinal * MinHash.Length, MinHash.Length);
                if (MinHash.Matches(stored[..Prefix], signature.AsSpan(0, Prefix)) < prefixMinimum)
                {
                    continue;
                }
                var estimate = MinHash.Estimate(stored, signature);
                if (estimate >= minEstimate && entries[ordinal] is { } entry && entry.Year == year)
                {
                    found.Add(new Candidate(entry, estimate));
                }
            }
        }
        found.Sort((a, b) => b.Estimate.CompareTo(a.Estimate));
        return found;
    }

    private static ulong BucketKey(int year, int band, uint[] signature)
    {
        var hash = 0xCBF29CE484222325UL ^ ((ulong)(uint)year << 8) ^ (ulong)band;
        for (var i = band * Rows; i < (band + 1) * Rows; i++)
        {
            hash = (hash ^ signature[i]) * 0x100000001B3UL;
            hash ^= hash >> 29;
        }
        return hash;
    }
}
