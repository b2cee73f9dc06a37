namespace HoanKiem.Submission.Duplicates;

/// <summary>The stored entry a submission repeats, and how much of it it repeats.</summary>
public sealed record DuplicateMatch(IndexedEntry Original, double Similarity);

/// <summary>
/// Recognises a re-sent article however lightly it was edited: LSH over MinHash signatures proposes the few stored
/// entries that may be the same article, and the exact Jaccard similarity of their shingle sets decides.
/// One per process; the index lives in memory, is rebuilt from the entries' stored signatures at start and catches up
/// with other replicas' entries before each check.
/// </summary>
public sealed class DuplicateDetector
{
    /// <summary>
    /// Chosen on the generated corpus (bench/Submission.Corpus: articles that all carry the movement's slogans, far
    /// more alike than real authors write; similarities in bench/RESULTS.md): it lies well clear of both light edits,
    /// which stay the same article, and different articles, which shared stock phrases never make one.
    /// </summary>
    public const double Threshold = 0.5;

    /// <summary>
    /// An estimate from 128 positions has a standard error of at most 0.045: a floor 0.15 (3.4 errors) below the
    /// threshold drops a true match about once in 3,000 at the threshold itself, and never a light edit (J ≥ 0.8).
    /// </summary>
    public const double CandidateFloor = Threshold - 0.15;

    private readonly DuplicateIndex index = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    public int Count => index.Count;

    /// <summary>
    /// The highest entry sequence the index has taken in: it knows every entry stored up to it, by any replica. −1 before
    /// the first load, so that the load also takes entries stored before sequences existed (all 0).
    /// </summary>
    public long StoredThrough { get; private set; } = -1;

    /// <summary>
    /// Serialises this process's use of the index: a check and the store that follows it, a withdrawal. Replicas take
    /// turns through the database as well (<see cref="DuplicateCheck"/>). Dispose to release.
    /// </summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    /// <summary>
    /// The best stored entry of the year with an exact similarity at or above <see cref="Threshold"/>, or null.
    /// <paramref name="shinglesOf"/> gives the candidates' shingle sets (from their stored bodies). Call under <see cref="LockAsync"/>.
    /// </summary>
    public async Task<DuplicateMatch?> FindAsync(int year, Fingerprint fingerprint,
        Func<IReadOnlyCollection<Guid>, Task<IReadOnlyDictionary<Guid, uint[]>>> shinglesOf)
    {
        if (fingerprint.IsEmpty)
        {
            return null;
        }
        var candidates = index.Candidates(year, fingerprint.Signature, CandidateFloor);
        if (candidates.Count == 0)
        {
            return null;
        }
        var shingles = await shinglesOf(candidates.Select(c => c.Entry.Id).ToList());
        DuplicateMatch? best = null;
        foreach (var candidate in candidates)
        {
            if (shingles.TryGetValue(candidate.Entry.Id, out var stored)
                && Shingles.Jaccard(fingerprint.Shingles, stored) is var similarity && similarity >= Threshold
                && similarity > (best?.Similarity ?? 0))
            {
                best = new DuplicateMatch(candidate.Entry, similarity);
            }
        }
        return best;
    }

    /// <summary>
    /// Takes in a stored entry: findable with its signature, or forgotten without one (withdrawn). Call under
    /// <see cref="LockAsync"/>, after its transaction committed.
    /// </summary>
    public void Add(IndexedEntry entry, uint[]? signature, long sequence)
    {
        if (signature is null)
        {
            index.Remove(entry.Id);
        }
        else
        {
            index.Add(entry, signature);
        }
        StoredThrough = Math.Max(StoredThrough, sequence);
    }

    /// <summary>A withdrawn entry no longer counts, so a later copy of it is not refused. Call under <see cref="LockAsync"/>.</summary>
    public void Remove(Guid id) => index.Remove(id);

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
