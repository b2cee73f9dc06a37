using System.Buffers.Binary;
using System.Diagnostics;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>The background checkpoint that takes the copying of the SQLite log off the services' commits.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string databasePath = TestDatabases.NewPath("checkpoint");

    private string ConnectionString => $"Data Source={databasePath}";

    public void Dispose() => TestDatabases.Delete(databasePath);

    [Fact]
    public async Task Commits_reach_the_database_file_while_no_commit_copies_the_log()
    {
        await using var writer = new SqliteConnection(ConnectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE Articles (Body TEXT NOT NULL);");
        var emptyFile = new FileInfo(databasePath).Length;
        var body = string.Concat(Enumerable.Repeat("Người tốt, việc tốt ở phường Hàng Gai. ", 200));
        for (var i = 0; i < 50; i++)
        {
            await ExecuteAsync(writer, "INSERT INTO Articles (Body) VALUES ($body);", body);
        }
        Assert.Equal(emptyFile, new FileInfo(databasePath).Length);

        using var checkpointer = new SqliteCheckpointer(ConnectionString, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(new FileInfo(databasePath).Length),
            length => length > 50L * body.Length, TimeSpan.FromSeconds(10));
        await checkpointer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_log_is_written_from_its_start_again_while_a_writer_keeps_committing()
    {
        await using var db = await OpenInWalModeAsync();
        // Held back once the log passes 1 MB, so that five seconds of writes pass it several times.
        using var checkpointer = new SqliteCheckpointer(ConnectionString, NullLogger<SqliteCheckpointer>.Instance, holdWritersAbovePages: 256);
        await checkpointer.StartAsync(CancellationToken.None);

        // Commits one after another, through the process's write gate as the services' writes go: between a checkpoint
        // and the next commit there is never a pause in which the log could be found fully copied by chance.
        var text = string.Concat(Enumerable.Repeat("Bài dự thi viết về người tốt, việc tốt. ", 200));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = text });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await checkpointer.StopAsync(CancellationToken.None);

        // The log's header counts the times it was written from its start again (its checkpoint sequence number).
        var header = new byte[16];
        await using (var log = new FileStream(databasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            await log.ReadExactlyAsync(header);
        }
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)) >= 2, "The log was not written from its start again.");
    }

    [Fact]
    public async Task A_short_log_is_copied_round_after_round_without_holding_the_writers_back()
    {
        await using var db = await OpenInWalModeAsync();
        // The process's writers' turn, taken and kept: a checkpointer that waited for it would copy nothing after its
        // first round. The rows go in by plain SQL, which does not queue for the turn as SaveChanges does.
        using var turn = await db.WriteLockAsync();
        using var checkpointer = new SqliteCheckpointer(ConnectionString, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);

        var text = string.Concat(Enumerable.Repeat("Bài dự thi viết về người tốt, việc tốt. ", 200));
        for (var round = 0; round < 3; round++)
        {
            var before = new FileInfo(databasePath).Length;
            for (var i = 0; i < 20; i++)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO Notes (Id, Text) VALUES ({Guid.NewGuid()}, {text});");
            }
            await Eventually.Until(() => Task.FromResult(new FileInfo(databasePath).Length),
                length => length >= before + 20L * text.Length, TimeSpan.FromSeconds(10));
        }
        await checkpointer.StopAsync(CancellationToken.None);
    }

    /// <summary>A database in WAL mode that copies its log only when told to, as the services' connections are set.</summary>
    private async Task<MessagingDbContext> OpenInWalModeAsync()
    {
        var db = new MessagingDbContext(new DbContextOptionsBuilder<MessagingDbContext>().UseSqlite(ConnectionString).Options);
        await db.Database.EnsureCreatedAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
        return db;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, string? body = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (body is not null)
        {
            command.Parameters.AddWithValue("$body", body);
        }
        await command.ExecuteNonQueryAsync();
    }
}
