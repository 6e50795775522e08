using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// A pepper rotation's map of old person keys to new ones, in table <c>keymap</c> (<see cref="KeyMapEntity"/>):
/// written for one facts partition at a time, read for one at a time, and asked about single keys both ways.
/// </summary>
internal sealed class KeyMap(HubStorage storage)
{
    private const int TransactionLimit = 100;

    /// <summary>Records <paramref name="pairs"/> (old → new), each both ways; writing a pair again changes nothing.</summary>
    public async Task AddAsync(IReadOnlyCollection<(PersonKey Old, PersonKey New)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Select(p => Row(KeyMapEntity.OldPrefix, p.Old, p.New))
            .Concat(pairs.Select(p => Row(KeyMapEntity.NewPrefix, p.New, p.Old)));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TransactionLimit))
            {
                (await storage.KeyMapTable.SubmitAsync(chunk.Select(r => EntityChange.Upsert(r)), cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
            }
        }
    }

    /// <summary>The old keys of facts partition <paramref name="partition"/> and their new keys.</summary>
    public async Task<Dictionary<string, string>> ReadPartitionAsync(int partition, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey eq {KeyMapEntity.OldPrefix + PersonKey.FormatPartition(partition)}");
        return await storage.KeyMapTable.QueryAsync<KeyMapEntity>(filter, cancellationToken: cancellationToken)
            .ToDictionaryAsync(r => r.RowKey, r => r.Other, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The new key of <paramref name="old"/>; null when the rotation has not mapped it.</summary>
    public async Task<PersonKey?> NewOfAsync(PersonKey old, CancellationToken cancellationToken = default) =>
        await OtherAsync(KeyMapEntity.OldPrefix, old, cancellationToken).ConfigureAwait(false);

    /// <summary>The old key <paramref name="key"/> replaced; null when it replaced none.</summary>
    public async Task<PersonKey?> OldOfAsync(PersonKey key, CancellationToken cancellationToken = default) =>
        await OtherAsync(KeyMapEntity.NewPrefix, key, cancellationToken).ConfigureAwait(false);

    private async Task<PersonKey?> OtherAsync(string prefix, PersonKey key, CancellationToken cancellationToken)
    {
        var row = await storage.KeyMapTable.GetAsync<KeyMapEntity>(prefix + key.PartitionKey, key.Value, cancellationToken).ConfigureAwait(false);
        return row is not null && PersonKey.TryParse(row.Other, out var other) ? other : null;
    }

    private static KeyMapEntity Row(string prefix, PersonKey key, PersonKey other) =>
        new() { PartitionKey = prefix + key.PartitionKey, RowKey = key.Value, Other = other.Value };
}
