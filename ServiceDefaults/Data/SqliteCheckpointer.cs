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
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                logger.LogWarning(exception, "Checkpoint of the SQLite log failed; the next round tries again");
            }
        }
    }
}
