using HoanKiem.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;

namespace HoanKiem.TestSupport;

/// <summary>A test's own SQLite file in the temp folder, and its removal with everything kept beside it.</summary>
public static class TestDatabases
{
    public static string NewPath(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hoankiem-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.db");
    }

    /// <summary>
    /// The file, its log and shared-memory index, and the migrator's turn file: left behind, a test run leaves megabytes
    /// of log in the temp folder, and a developer's machine collects them run after run.
    /// </summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", DatabaseMigrator.TurnFileOf(path) })
        {
            File.Delete(file);
        }
    }
}
