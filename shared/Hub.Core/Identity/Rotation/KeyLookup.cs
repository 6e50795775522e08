using Hub.Core.Kernel;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// The rotation's map asked many times in a row: the old keys of a facts partition are read once and kept, so a person's
/// rows, which name keys of a few partitions (its members, its golden, its candidates), are mapped without a read each.
/// A key the map does not hold (made with the current pepper, or not a key) maps to itself.
/// </summary>
internal sealed class KeyLookup(KeyMap map)
{
    private readonly Dictionary<int, Dictionary<string, string>> _partitions = [];

    /// <summary>Reads the partitions of <paramref name="keys"/> not read yet.</summary>
    public async Task LoadAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var partition in keys.Select(k => PersonKey.TryParse(k, out var key) ? key.Partition : -1).Where(p => p >= 0).Distinct())
        {
            if (!_partitions.ContainsKey(partition))
            {
                _partitions[partition] = await map.ReadPartitionAsync(partition, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The old keys of facts partition <paramref name="partition"/> and their new keys.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PartitionAsync(int partition, CancellationToken cancellationToken = default)
    {
        if (!_partitions.TryGetValue(partition, out var keys))
        {
            keys = await map.ReadPartitionAsync(partition, cancellationToken).ConfigureAwait(false);
            _partitions[partition] = keys;
        }

        return keys;
    }

    /// <summary>The new key of <paramref name="key"/>, from the partitions read; the key itself when it has none.</summary>
    public string Map(string key) =>
        PersonKey.TryParse(key, out var parsed) && _partitions.TryGetValue(parsed.Partition, out var keys) && keys.TryGetValue(key, out var moved) ? moved : key;

    /// <summary>Forgets what was read, to keep a long run's memory to the partitions in hand.</summary>
    public void Clear() => _partitions.Clear();
}
