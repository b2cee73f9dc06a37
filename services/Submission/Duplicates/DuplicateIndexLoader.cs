using HoanKiem.Submission.Data;
using HoanKiem.Submission.Models;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Submission.Duplicates;

/// <summary>
/// Rebuilds the in-memory duplicate index from the accepted entries' stored signatures before the service takes
/// requests (registered after the database migrator, so it runs after it). An entry without a usable signature,
/// such as one stored under another MinHash length, gets it recomputed from its body and saved.
/// </summary>
public sealed class DuplicateIndexLoader(IServiceProvider services, DuplicateDetector detector, ILogger<DuplicateIndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubmissionDbContext>();
        using var gate = await detector.LockAsync(cancellationToken);
        var stale = new List<Guid>();
        var rows = db.Entries.AsNoTracking()
            .Select(e => new { e.Id, e.Year, e.UnitCode, e.ReceivedAt, e.Status, e.Signature, e.Sequence }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var entry = new IndexedEntry(row.Id, row.Year, row.UnitCode, row.ReceivedAt);
            if (row.Status != EntryStatus.Accepted)
            {
                detector.Add(entry, null, row.Sequence);
            }
            else if (MinHash.FromBytes(row.Signature) is { } signature)
            {
                detector.Add(entry, signature, row.Sequence);
            }
            else
            {
                stale.Add(row.Id);
            }
        }
        foreach (var id in stale)
        {
            var entry = await db.Entries.SingleAsync(e => e.Id == id, cancellationToken);
            var signature = Fingerprint.Of(entry.Body).Signature;
            entry.Signature = MinHash.ToBytes(signature);
            detector.Add(new IndexedEntry(entry.Id, entry.Year, entry.UnitCode, entry.ReceivedAt), signature, entry.Sequence);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Duplicate index holds {Count} entries ({Recomputed} signatures recomputed)", detector.Count, stale.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
