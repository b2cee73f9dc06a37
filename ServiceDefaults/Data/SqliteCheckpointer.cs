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
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> logger) : BackgroundService
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
                await CheckpointAsync(connection, stoppingToken);
                // SQLite writes the log from its start again only if it is fully copied when a writer begins; under load
                // something is always committed between a checkpoint and the next writer, and the log would grow without
                // end. So the few pages committed during the copy above are copied with this process's writers held back.
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

    private static async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
