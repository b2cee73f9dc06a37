using HoanKiem.ServiceDefaults.Data;
using HoanKiem.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>The background checkpoint that takes the copying of the SQLite log off the services' commits.</summary>
public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "hoankiem-tests", $"checkpoint-{Guid.NewGuid():N}.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Commits_reach_the_database_file_while_no_commit_copies_the_log()
    {
        var connectionString = $"Data Source={databasePath}";
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE Articles (Body TEXT NOT NULL);");
        var emptyFile = new FileInfo(databasePath).Length;
        var body = string.Concat(Enumerable.Repeat("Người tốt, việc tốt ở phường Hàng Gai. ", 200));
        for (var i = 0; i < 50; i++)
        {
            await ExecuteAsync(writer, "INSERT INTO Articles (Body) VALUES ($body);", body);
        }
        Assert.Equal(emptyFile, new FileInfo(databasePath).Length);

        using var checkpointer = new SqliteCheckpointer(connectionString, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(new FileInfo(databasePath).Length),
            length => length > 50L * body.Length, TimeSpan.FromSeconds(10));
        await checkpointer.StopAsync(CancellationToken.None);
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
