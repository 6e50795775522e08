using System.Text.Json;
using Hub.Core.Feeds.Sources;

namespace Hub.Samples;

/// <summary>The four departmental layouts the Hub ships (functions/Hub.Functions/sources), embedded in this library.</summary>
public static class ShippedSources
{
    /// <summary>民政: social-assistance recipients, one row per person and assistance type.</summary>
    public const string CivilAffairs = "civil-affairs";

    /// <summary>公安: the household register, one row per person.</summary>
    public const string Police = "police";

    /// <summary>残联: holders of a disability certificate.</summary>
    public const string DisabilityFederation = "disability-federation";

    /// <summary>住房保障: public-housing tenants.</summary>
    public const string HousingSecurity = "housing-security";

    private static readonly Lazy<SourceCatalog> Shipped = new(Load);

    /// <summary>The source ids, in the order the samples are written.</summary>
    public static IReadOnlyList<string> Ids { get; } = [CivilAffairs, Police, DisabilityFederation, HousingSecurity];

    /// <summary>The shipped mappings as a validated catalogue.</summary>
    public static SourceCatalog Catalog => Shipped.Value;

    /// <summary>The shipped mapping of one source.</summary>
    public static SourceMapping Get(string id) =>
        Catalog.TryGet(id, out var mapping) ? mapping : throw new ArgumentException($"No shipped source '{id}'; the shipped sources are: {string.Join(", ", Ids)}.", nameof(id));

    private static SourceCatalog Load()
    {
        var assembly = typeof(ShippedSources).Assembly;
        var mappings = Ids.Select(id =>
        {
            using var stream = assembly.GetManifestResourceStream($"sources/{id}.json")
                ?? throw new InvalidOperationException($"The mapping of '{id}' is not embedded in {assembly.GetName().Name}.");
            return JsonSerializer.Deserialize<SourceMapping>(stream, SourceCatalog.JsonOptions)!;
        });
        return new SourceCatalog(mappings.ToList());
    }
}