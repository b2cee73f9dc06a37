namespace HoanKiem.TestSupport;

/// <summary>The repository's root, above the test's folder, where test runs write the documents' screenshots and copies.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HoanKiem.Aspire.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No HoanKiem.Aspire.sln above {AppContext.BaseDirectory}.");
    }
}
