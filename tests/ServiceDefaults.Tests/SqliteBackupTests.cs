using HoanKiem.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hoankiem-tests", $"backup-{Guid.NewGuid():N}")).FullName;
    private readonly string database;

    public SqliteBackupTests() => database = Path.Combine(directory, "submission-db.db");

    [Fact]
    public async Task A_backup_taken_under_writes_holds_every_transaction_committed_before_it_whole_and_restores()
    {
        await ExecuteAsync(database, "PRAGMA journal_mode=WAL; CREATE TABLE entries (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, body TEXT NOT NULL)");
        // The writer commits batches of ten rows, as a service commits an entry with its outbox and inbox rows.
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = await OpenAsync(database);
            for (var batch = 1; !stop.IsCancellationRequested; batch++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                for (var row = 0; row < 10; row++)
                {
                    await using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO entries (batch, body) VALUES ($batch, $body)";
                    insert.Parameters.AddWithValue("$batch", batch);
                    insert.Parameters.AddWithValue("$body", new string('b', 2000));
                    await insert.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
                Volatile.Write(ref committed, batch);
            }
        });
        await TestSupport.Eventually.Until(() => Task.FromResult(Volatile.Read(ref committed)), batches => batches >= 50);

        var before = Volatile.Read(ref committed);
        var copies = await SqliteBackup.BackUpAsync([database, Path.Combine(directory, "missing.db")], Path.Combine(directory, "backup"));
        await stop.CancelAsync();
        await writer;

        var copy = Assert.Single(copies);
        var (rows, batches, lastBatch) = await CountAsync(copy);
        Assert.True(lastBatch >= before, $"the backup ends at batch {lastBatch}, before batch {before} committed ahead of it");
        Assert.Equal(batches * 10, rows);
        Assert.Equal(lastBatch, batches);

        var restoredInto = Path.Combine(directory, "restored");
        Directory.CreateDirectory(restoredInto);
        await File.WriteAllTextAsync(Path.Combine(restoredInto, Path.GetFileName(database) + "-wal"), "a log of other files");
        var restored = Assert.Single(await SqliteBackup.RestoreAsync(Path.Combine(directory, "backup"), restoredInto));
        Assert.False(File.Exists(restored + "-wal"));
        Assert.Equal((rows, batches, lastBatch), await CountAsync(restored));
    }

    [Fact]
    public async Task A_damaged_backup_is_not_restored()
    {
        var backup = Path.Combine(directory, "damaged");
        Directory.CreateDirectory(backup);
        await File.WriteAllBytesAsync(Path.Combine(backup, "reporting-db.db"), [.. "SQLite format 3\0"u8, .. new byte[4000]]);

        await Assert.ThrowsAnyAsync<Exception>(() => SqliteBackup.RestoreAsync(backup, directory));
        Assert.False(File.Exists(Path.Combine(directory, "reporting-db.db")));
    }

    private static async Task<(long Rows, long Batches, long LastBatch)> CountAsync(string path)
    {
        await using var connection = await OpenAsync(path);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*), count(DISTINCT batch), coalesce(max(batch), 0) FROM entries";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
