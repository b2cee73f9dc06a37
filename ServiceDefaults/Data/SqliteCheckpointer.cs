using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file in the background. Left to itself, SQLite does it inside
/// whichever commit takes the log past 1,000 pages: under load that commit then writes and syncs megabytes while every
/// other writer waits, and in submission it holds the duplicate check that every submission queues for. The service's
/// connections turn that off (<c>wal_autocheckpoint=0</c>); a passive checkpoint on a connection of its own blocks no
/// reader or writer, and a page changed several times between two rounds (an outbox row stored, leased and marked sent)
/// is written to the file once.
/// </summary>
/// <param name="holdWritersAbovePages">
/// How long the log may grow (in pages; 4,096 is 16 MB) before the checkpointer holds this process's writers back to let
/// it be written from its start again (see below).
/// </param>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> logger, long holdWritersAbovePages = 4096)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = ServiceDbContext.SqliteWriteGate(new SqliteConnectionStringBuilder(connectionString).DataSource);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                var logPages = await CheckpointAsync(connection, stoppingToken);
                // SQLite writes the log from its start again only if it is fully copied when a writer begins, as happens
                // after any quiet moment. Under a steady load something is always committed between a checkpoint and the
                // next writer, and the log would grow without end; so once it is long, the few pages committed during
                // the copy above are copied with this process's writers held back. Not every round: every hold stalls the
                // intake (bench/RESULTS.md).
                if (logPages <= holdWritersAbovePages)
                {
                    continue;
                }
                await writers.WaitAsync(stoppingToken);
                try
                {
                    await CheckpointAsync(connection, stoppingToken);
                }
                finally
                {
                    writers.Release();
                }
            }
            catch (SqliteException exception)
            {
                logger.LogWarning(exception, "Checkpoint of the SQLite log failed; the next round tries again");
            }
        }
    }

    /// <summary>A passive checkpoint; returns the log's length in pages (SQLite's second column).</summary>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var result = await command.ExecuteReaderAsync(cancellationToken);
        return await result.ReadAsync(cancellationToken) ? result.GetInt64(1) : 0;
    }
}
