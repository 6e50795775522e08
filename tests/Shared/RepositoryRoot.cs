namespace Hub.Tests.Shared;

/// <summary>The repository's root folder, found from the test assembly by the solution file. Linked into each test project.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Hub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Hub.sln above {AppContext.BaseDirectory}.");
    }
}
