using System.Diagnostics.CodeAnalysis;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>
/// Every attribute every source sends, with its sensitivity and sharing type, derived from the source mappings.
/// One attribute may differ between sources (one department shares a household size unconditionally, another only
/// for a purpose), so a field is looked up by source and attribute together.
/// </summary>
public sealed class FieldCatalogue
{
    private readonly Dictionary<(SourceId Source, string Attribute), CataloguedField> _fields;

    /// <summary>Builds the catalogue of <paramref name="sources"/>' mapped fields.</summary>
    public FieldCatalogue(SourceCatalog sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _fields = sources.All
            .SelectMany(s => s.Fields.Select(f => new CataloguedField(s.SourceId, f.Attribute, f.Sensitivity, f.Sharing, f.Type)))
            .ToDictionary(f => (f.Source, f.Attribute));
    }

    /// <summary>Every field, by source then attribute.</summary>
    public IEnumerable<CataloguedField> All => _fields.Values
        .OrderBy(f => f.Source.Value, StringComparer.Ordinal)
        .ThenBy(f => f.Attribute, StringComparer.Ordinal);

    /// <summary>Whether any source maps <paramref name="attribute"/>.</summary>
    public bool Knows(string attribute) => _fields.Keys.Any(k => k.Attribute == attribute);

    /// <summary>Finds how <paramref name="source"/> maps <paramref name="attribute"/>.</summary>
    public bool TryGet(SourceId source, string attribute, [NotNullWhen(true)] out CataloguedField? field) =>
        _fields.TryGetValue((source, attribute), out field);
}
