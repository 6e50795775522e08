using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Benchmarks;

/// <summary>
/// What a run left in its tables: entities and their billed size, computed per entity by the formula Azure bills
/// table capacity with (4 bytes, the keys at 2 bytes a character, and per property 8 bytes, its name at 2 bytes a
/// character and its value: a string 4 bytes plus 2 a character, binary 4 plus its length, 8 for a number or time,
/// 1 for a Boolean, 16 for a GUID), Timestamp included.
/// </summary>
internal static class StoredEntities
{
    /// <summary>
    /// Per table whose name starts with <paramref name="prefix"/> (the prefix taken off, a split table's tables summed
    /// under its name), its entities and bytes.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (long Entities, long Bytes)>> MeasureAsync(TableServiceClient service, string prefix, IReadOnlyCollection<string> skip, CancellationToken cancellationToken = default)
    {
        var sizes = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal) || skip.Contains(table.Name[prefix.Length..]))
            {
                continue;
            }

            long entities = 0, bytes = 0;
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                entities++;
                bytes += Size(entity);
            }

            // A table split into several (on the emulator) counts as the one table it is.
            var name = TableSplit.LogicalName(table.Name[prefix.Length..]);
            var (before, beforeBytes) = sizes.GetValueOrDefault(name);
            sizes[name] = (before + entities, beforeBytes + bytes);
        }

        return sizes;
    }

    /// <summary>The billed size of one entity.</summary>
    public static long Size(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L) + 8 + ("Timestamp".Length * 2) + 8;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2L) + value switch
            {
                string text => 4 + (text.Length * 2L),
                byte[] binary => 4 + binary.Length,
                BinaryData binary => 4 + binary.ToMemory().Length,
                bool => 1,
                Guid => 16,
                int => 4,
                _ => 8,
            };
        }

        return size;
    }
}
