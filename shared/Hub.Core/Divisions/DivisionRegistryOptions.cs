namespace Hub.Core.Divisions;

/// <summary>Where the shipped division registry lies and how often the Hub looks for a newly loaded version.</summary>
public sealed class DivisionRegistryOptions
{
    /// <summary>Configuration section: <c>Hub:Divisions</c>.</summary>
    public const string SectionName = "Hub:Divisions";

    /// <summary>
    /// The registry the Hub ships with, absolute or relative to the application's folder: in force until an
    /// administrator loads a version (which then stays in force across restarts).
    /// </summary>
    public string Path { get; set; } = "divisions/registry.json";

    /// <summary>How often each instance reads the version in force, to take one another instance loaded (default 5 minutes).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
