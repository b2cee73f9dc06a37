using HoanKiem.Submission.Data;
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
        var stale = await DuplicateCheck.CatchUpAsync(db, detector, cancellationToken);
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
