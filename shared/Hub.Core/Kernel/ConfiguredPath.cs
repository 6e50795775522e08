namespace Hub.Core.Kernel;

/// <summary>
/// A file or folder named in configuration (mappings, rules, the access policy): an absolute path as given, a relative
/// one next to the Hub's binaries, where the build copies the shipped files, whatever the working directory.
/// </summary>
public static class ConfiguredPath
{
    /// <summary>The full path of <paramref name="path"/> as the Hub reads it.</summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
    }
}
