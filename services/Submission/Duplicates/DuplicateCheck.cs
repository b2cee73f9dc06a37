using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using HoanKiem.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Duplicates;

/// <summary>
/// The span in which one submission is checked against every stored article and stored if it is new, safe across
/// replicas: it holds this process's index lock and a database-wide lock in one transaction (SQLite: the transaction
/// begins IMMEDIATE, taking the file's write lock; SQL Server: an exclusive application lock), so replicas take turns,
/// and it first brings this replica's index up to date with what the others stored meanwhile.
/// </summary>
public sealed class DuplicateCheck : IAsyncDisposable
{
    private const string SqlServerLock =
        "EXEC sp_getapplock @Resource = N'submission-duplicate-check', @LockMode = N'Exclusive', @LockOwner = N'Transaction'";

    private sealed record StoredEntry(Guid Id, int Year, string UnitCode, DateTimeOffset ReceivedAt, string Status, byte[]? Signature, long Sequence);

    /// <summary>Compiled, as it runs in every check (see <c>EntriesApi</c>'s contest lookup).</summary>
    private static readonly Func<SubmissionDbContext, long, IAsyncEnumerable<StoredEntry>> StoredAfter =
        EF.CompileAsyncQuery((SubmissionDbContext db, long sequence) =>
            db.Entries.AsNoTracking()
                .Where(e => e.Sequence > sequence)
                .OrderBy(e => e.Sequence)
                .Select(e => new StoredEntry(e.Id, e.Year, e.UnitCode, e.ReceivedAt, e.Status, e.Signature, e.Sequence)));

    private readonly SubmissionDbContext db;
    private readonly DuplicateDetector detector;
    private readonly IDisposable indexLock;
    private readonly UnitOfWork work;

    private DuplicateCheck(SubmissionDbContext db, DuplicateDetector detector, IDisposable indexLock, UnitOfWork work)
    {
        this.db = db;
        this.detector = detector;
        this.indexLock = indexLock;
        this.work = work;
    }

    /// <summary>The sequence number the entry stored in this check takes; 0 is left to entries older than sequences.</summary>
    public long NextSequence => Math.Max(detector.StoredThrough, 0) + 1;

    public static async Task<DuplicateCheck> BeginAsync(SubmissionDbContext db, DuplicateDetector detector, CancellationToken cancellationToken)
    {
        var indexLock = await detector.LockAsync(cancellationToken);
        UnitOfWork? work = null;
        try
        {
            work = await db.BeginWriteAsync(cancellationToken);
            if (db.Database.IsSqlServer())
            {
                await db.Database.ExecuteSqlRawAsync(SqlServerLock, cancellationToken);
            }
            await CatchUpAsync(db, detector, cancellationToken);
            return new DuplicateCheck(db, detector, indexLock, work);
        }
        catch
        {
            if (work is not null)
            {
                await work.DisposeAsync();
            }
            indexLock.Dispose();
            throw;
        }
    }

    /// <summary>Commits what the check stored and makes a newly stored entry findable.</summary>
    public async Task CommitAsync(Entry? stored = null, uint[]? signature = null)
    {
        // Not cancellable: once committed, the entry must reach the index, or a copy could slip in through this replica.
        await work.CommitAsync(CancellationToken.None);
        if (stored is not null && signature is not null)
        {
            detector.Add(new IndexedEntry(stored.Id, stored.Year, stored.UnitCode, stored.ReceivedAt), signature, stored.Sequence);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await work.DisposeAsync();
        indexLock.Dispose();
    }

    /// <summary>
    /// Takes into the index every entry stored after the last one it knows, by any replica, in the order they were
    /// stored. Returns the accepted ones whose stored signature is unusable (one of another MinHash length): they stay
    /// out of the index until the loader recomputes them at start.
    /// </summary>
    internal static async Task<List<Guid>> CatchUpAsync(SubmissionDbContext db, DuplicateDetector detector, CancellationToken cancellationToken)
    {
        var unusable = new List<Guid>();
        await foreach (var entry in StoredAfter(db, detector.StoredThrough).WithCancellation(cancellationToken))
        {
            var accepted = entry.Status == EntryStatus.Accepted;
            var signature = accepted ? MinHash.FromBytes(entry.Signature) : null;
            if (accepted && signature is null)
            {
                unusable.Add(entry.Id);
            }
            detector.Add(new IndexedEntry(entry.Id, entry.Year, entry.UnitCode, entry.ReceivedAt), signature, entry.Sequence);
        }
        return unusable;
    }
}
