using Hub.Core.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Sources;

/// <summary>The mapping files the Hub ships, as copied next to the test assembly by the project file.</summary>
internal static class ShippedSources
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "sources");

    public static SourceMapping Load(string id) => SourceCatalog.LoadFile(Path.Combine(Folder, id + ".json"));
}
