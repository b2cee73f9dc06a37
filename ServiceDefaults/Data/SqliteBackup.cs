using Microsoft.Data.Sqlite;

namespace HoanKiem.ServiceDefaults.Data;

/// <summary>
/// Online backups of the services' SQLite files. <c>VACUUM INTO</c> copies a database as one read transaction sees it,
/// so a backup taken while the services write holds every transaction committed before it began and none half; the
/// restore puts the files back (the system stopped) and drops their write-ahead logs, which belong to the old files.
/// </summary>
public static class SqliteBackup
{
    /// <summary>
    /// The services' databases in the order a backup copies them: the ones that receive events before the ones that
    /// send them, so no copy holds the effect of an event its sender's copy lacks (submission last: what judging sends
    /// back to it is results, finalised by hand, not the stream of entries). What a receiver's copy lacks the restore
    /// sends again (<see cref="RestoreAsync"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> ServiceDatabases =
        [ResourceNames.ReportingDb, ResourceNames.RecognitionDb, ResourceNames.JudgingDb, ResourceNames.SubmissionDb];

    /// <summary>Copies each database file that exists into <paramref name="target"/>, checks each copy, and returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> BackUpAsync(IEnumerable<string> databases, string target, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(target);
        var copies = new List<string>();
        foreach (var database in databases.Where(File.Exists))
        {
            var copy = Path.Combine(target, Path.GetFileName(database));
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $copy";
                vacuum.Parameters.AddWithValue("$copy", copy);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
            await CheckAsync(copy, cancellationToken);
            copies.Add(copy);
        }
        return copies;
    }

    /// <summary>
    /// Puts each file of <paramref name="backup"/> back into <paramref name="dataDirectory"/>, dropping the old write-ahead
    /// logs, and marks every event the outboxes hold (a week of sent ones) as not yet sent and leased by no one. The
    /// copies were taken one after another, so a receiver's copy may lack an event its sender's copy had already sent:
    /// the restored system sends them all again under their own message ids, and each inbox drops what it already had.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(string backup, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var restored = new List<string>();
        foreach (var copy in Directory.GetFiles(backup, "*.db"))
        {
            await CheckAsync(copy, cancellationToken);
            var database = Path.Combine(dataDirectory, Path.GetFileName(copy));
            foreach (var log in new[] { $"{database}-wal", $"{database}-shm" })
            {
                File.Delete(log);
            }
            File.Copy(copy, database, overwrite: true);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var resend = connection.CreateCommand();
                resend.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'OutboxMessages'";
                if (await resend.ExecuteScalarAsync(cancellationToken) is > 0L)
                {
                    resend.CommandText = "UPDATE OutboxMessages SET SentAt = NULL, LockedUntil = 0, LockedBy = NULL";
                    await resend.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            restored.Add(database);
        }
        return restored;
    }

    private static async Task CheckAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (await check.ExecuteScalarAsync(cancellationToken) is not "ok" and var problem)
        {
            throw new InvalidDataException($"{database} failed SQLite's integrity check: {problem}");
        }
    }
}
