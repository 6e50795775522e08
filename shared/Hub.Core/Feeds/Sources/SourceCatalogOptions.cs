namespace Hub.Core.Feeds.Sources;

/// <summary>Where the Hub loads source mapping files from.</summary>
public sealed class SourceCatalogOptions
{
    /// <summary>Configuration section: <c>Hub:Sources</c>.</summary>
    public const string SectionName = "Hub:Sources";

    /// <summary>
    /// Folder of <c>*.json</c> mapping files, absolute or relative to the application's folder. An operator adds
    /// a layout by dropping a file here and restarting the Hub.
    /// </summary>
    public string Path { get; set; } = "sources";
}
