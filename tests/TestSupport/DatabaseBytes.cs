using System.Text;

namespace HoanKiem.TestSupport;

/// <summary>Reads a SQLite database as bytes, its write-ahead log included: what a disk image of it would give away.</summary>
public static class DatabaseBytes
{
    /// <summary>Whether the file at <paramref name="path"/> or its log holds any of <paramref name="values"/> as UTF-8.</summary>
    public static bool Hold(string path, params string[] values)
    {
        var needles = values.Select(Encoding.UTF8.GetBytes).ToList();
        return new[] { path, path + "-wal" }.Where(File.Exists)
            .Any(file => Read(file) is var bytes && needles.Any(needle => bytes.AsSpan().IndexOf(needle) >= 0));
    }

    private static byte[] Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
