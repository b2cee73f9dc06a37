using Microsoft.Data.Sqlite;

namespace HoanKiem.Baseline.Bench;

public static class Sqlite
{
    /// <summary>An accepted entry, as the service and every consumer keep it.</summary>
    public const string EntriesTable =
        "CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, unit TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL);";

    /// <summary>
    /// Opens a connection in WAL mode with synchronous=NORMAL, as the services run SQLite (a commit survives the process
    /// crashing, not the machine), and applies <paramref name="schema"/>.
    /// </summary>
    public static SqliteConnection Open(string path, string schema = "")
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; {schema}";
        command.ExecuteNonQuery();
        return connection;
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }
}
