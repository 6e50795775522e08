using System.Runtime.CompilerServices;
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
    // The attributes each mapping keeps in clear, worked out once per mapping instead of searching its fields for every
    // attribute of every record. Keyed by the mapping itself: a mapping is immutable, and a reloaded one is a new instance.
    private static readonly ConditionalWeakTable<SourceMapping, HashSet<string>> ClearAttributes = [];

    public KeyRing Keys { get; } = keys;

    /// <summary>A keyed hash of every attribute, canonical (sorted), so equal attributes hash equal under one data key.</summary>
    public static string Hash(DataKey key, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(key);
        var json = JsonSerializer.SerializeToUtf8Bytes(Sorted(attributes), StorageJson.Options);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, json).AsSpan(0, 16));
    }

    /// <summary>
    /// The attributes kept in clear as JSON, the sensitive ones sealed for <paramref name="rowKey"/> (null when none), and
    /// those sensitive ones as they were before sealing (null when none), so the caller need not open what it just sealed.
    /// </summary>
    public (string Clear, string? Sealed, IReadOnlyDictionary<string, string>? Opened) Seal(DataKey key, string source, IReadOnlyDictionary<string, string> attributes, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(attributes);
        var inClear = sources.TryGet(source, out var mapping) ? ClearAttributes.GetValue(mapping, ClearOf) : null;
        var clear = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sensitive = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attribute, value) in attributes)
        {
            (inClear?.Contains(attribute) == true ? clear : sensitive)[attribute] = value;
        }

        var sealedJson = sensitive.Count == 0 ? null : key.Seal(JsonSerializer.Serialize(sensitive, StorageJson.Options), rowKey);
        return (JsonSerializer.Serialize(clear, StorageJson.Options), sealedJson, sensitive.Count == 0 ? null : sensitive);
    }

    // An attribute is kept in clear when the first field that names it is neither the ID number nor level 3 or 4.
    private static HashSet<string> ClearOf(SourceMapping mapping)
    {
        var sensitive = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var field in mapping.Fields)
        {
            sensitive.TryAdd(field.Attribute, field.Type == FieldType.ResidentId || field.Sensitivity >= Sensitivity.L3);
        }

        return sensitive.Where(a => !a.Value).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> attributes)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attribute, value) in attributes)
        {
            sorted[attribute] = value;
        }

        return sorted;
    }
}
