using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// Brings a service's database up to its latest migration at start. On SQLite, EF Core's own migration lock is a row
/// in <c>__EFMigrationsLock</c>, taken by every start even with nothing to migrate; a process killed while holding it
/// leaves it behind, and every later start then waits for it, silently and forever (dotnet/efcore#38958). So the
/// instances starting on one file take turns on a lock file beside it, which the operating system releases when its
/// holder dies, and the holder removes any row a dead one left.
/// </summary>
public static class DatabaseMigrator
{
    private const string EfLockTable = "__EFMigrationsLock";
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);

    public static async Task MigrateAsync(ServiceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.GetDbConnection().DataSource is not { Length: > 0 } file)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (await TakeTurnAsync(TurnFileOf(path), logger, cancellationToken))
        {
            if (await RemoveAbandonedEfLockAsync(db, cancellationToken))
            {
                logger.LogWarning("Removed the migration lock of {Database} that a process killed while migrating left behind", path);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
        // WAL lets readers go on while one writer commits.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The lock file beside a SQLite database on which the instances starting on it take turns to migrate.</summary>
    public static string TurnFileOf(string databasePath) => Path.GetFullPath(databasePath) + ".migrating";

    /// <summary>An exclusive lock on the file (flock on Linux), held for as long as the returned stream is open.</summary>
    private static async Task<FileStream> TakeTurnAsync(string lockFile, ILogger logger, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!waiting)
                {
                    logger.LogInformation("Waiting for another instance to finish migrating {LockFile}", lockFile);
                    waiting = true;
                }
                await Task.Delay(LockPoll, cancellationToken);
            }
        }
    }

    private static async Task<bool> RemoveAbandonedEfLockAsync(ServiceDbContext db, CancellationToken cancellationToken)
    {
        var tables = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = {EfLockTable}")
            .SingleAsync(cancellationToken);
        return tables > 0 && await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{EfLockTable}\";", cancellationToken) > 0;
    }
}
