using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Access;

/// <summary>The access policy the Hub ships, as copied next to the test assembly, over the shipped source mappings.</summary>
internal static class ShippedPolicy
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "policy", "access.json");

    public static AccessPolicy Load() => AccessPolicy.Load(File);

    public static FieldCatalogue Catalogue() => new(SourceCatalog.Load(ShippedSources.Folder));

    public static PolicyRenderer Renderer() => new(Load(), Catalogue());
}
