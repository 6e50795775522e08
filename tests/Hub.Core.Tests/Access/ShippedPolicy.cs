using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Access;

/// <summary>The access policy the Hub ships, over the shipped source mappings.</summary>
internal static class ShippedPolicy
{
    public static AccessPolicy Load() => AccessPolicy.Load(ShippedFiles.AccessPolicy);

    public static FieldCatalogue Catalogue() => new(SourceCatalog.Load(ShippedFiles.SourcesFolder));

    public static PolicyRenderer Renderer() => new(Load(), Catalogue());
}
