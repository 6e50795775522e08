using Hub.Core.Feeds.Sources;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Feeds.Sources;

/// <summary>The mapping files the Hub ships, loaded by source id.</summary>
internal static class ShippedSources
{
    public static SourceMapping Load(string id) => SourceCatalog.LoadFile(ShippedFiles.Source(id));
}
