namespace Hub.Cli;

/// <summary>Finds the source mapping files <c>hub validate</c> checks against.</summary>
internal static class SourcesFolder
{
    /// <summary>
    /// The folder given, else <c>functions/Hub.Functions/sources</c> in the repository around the current folder
    /// (so an edited mapping is validated before it ships), else the copy that travels with the tool.
    /// </summary>
    public static string Resolve(string? given, string currentDirectory)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given, currentDirectory);
        }

        for (var folder = new DirectoryInfo(currentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "functions", "Hub.Functions", "sources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "sources");
    }
}
