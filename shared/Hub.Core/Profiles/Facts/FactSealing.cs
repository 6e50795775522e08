using System.Security.Cryptography;
using System.Text.Json;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// What a fact keeps in clear and what it seals: the source mapping's level 3 and 4 attributes and its ID number are
/// sealed with the person's data key, and so is any attribute the mapping does not name. The content hash is keyed
/// with the same data key, so it cannot be used to guess a value either.
/// </summary>
internal sealed class FactSealing(KeyRing keys, SourceCatalog sources)
{
    public KeyRing Keys { get; } = keys;

    /// <summary>A keyed hash of every attribute, canonical (sorted), so equal attributes hash equal under one data key.</summary>
    public static string Hash(DataKey key, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(key);
        var json = JsonSerializer.SerializeToUtf8Bytes(Sorted(attributes), StorageJson.Options);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, json).AsSpan(0, 16));
    }

    /// <summary>The attributes kept in clear as JSON, and the sensitive ones sealed for <paramref name="rowKey"/> (null when none).</summary>
    public (string Clear, string? Sealed) Seal(DataKey key, string source, IReadOnlyDictionary<string, string> attributes, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(attributes);
        var mapping = sources.TryGet(source, out var found) ? found : null;
        var clear = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sensitive = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attribute, value) in attributes)
        {
            (IsSensitive(mapping, attribute) ? sensitive : clear)[attribute] = value;
        }

        var sealedJson = sensitive.Count == 0 ? null : key.Seal(JsonSerializer.Serialize(sensitive, StorageJson.Options), rowKey);
        return (JsonSerializer.Serialize(clear, StorageJson.Options), sealedJson);
    }

    private static bool IsSensitive(SourceMapping? mapping, string attribute) =>
        mapping?.Fields.FirstOrDefault(f => f.Attribute == attribute) is not { } field
        || field.Type == FieldType.ResidentId
        || field.Sensitivity >= Sensitivity.L3;

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> attributes) =>
        new(attributes.ToDictionary(), StringComparer.Ordinal);
}
