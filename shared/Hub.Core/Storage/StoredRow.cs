using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>
/// A row read without knowing its kind in advance, from a query whose range holds rows of several kinds (a person's
/// facts beside their resolution rows): its keys, version and columns by name, for the part that owns the range to
/// turn into its own entity (<see cref="Fill{T}"/>).
/// </summary>
public sealed class StoredRow
{
    private readonly TableEntity _row;

    internal StoredRow(TableEntity row) => _row = row;

    /// <summary>The partition the row is in.</summary>
    public string PartitionKey => _row.PartitionKey;

    /// <summary>The row's key within its partition.</summary>
    public string RowKey => _row.RowKey;

    /// <summary>The version read with the row.</summary>
    public EntityVersion? Version => _row.ETag == default ? null : new EntityVersion(_row.ETag.ToString());

    /// <summary>When storage last wrote the row.</summary>
    public DateTimeOffset? StoredAt => _row.Timestamp;

    /// <summary>Every text column whose name starts with <paramref name="prefix"/>, by name: for rows whose columns are named by data.</summary>
    public IReadOnlyDictionary<string, string> TextColumns(string prefix) =>
        _row.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal) && c.Value is string)
            .ToDictionary(c => c.Key, c => (string)c.Value, StringComparer.Ordinal);

    /// <summary>The text column <paramref name="column"/>; null when the row has none.</summary>
    public string? GetString(string column) => _row.GetString(column);

    /// <summary>The boolean column <paramref name="column"/>; null when the row has none.</summary>
    public bool? GetBoolean(string column) => _row.GetBoolean(column);

    /// <summary>The 32-bit integer column <paramref name="column"/>; null when the row has none.</summary>
    public int? GetInt32(string column) => _row.GetInt32(column);

    /// <summary>The 64-bit integer column <paramref name="column"/>; null when the row has none.</summary>
    public long? GetInt64(string column) => _row.GetInt64(column);

    /// <summary>The number column <paramref name="column"/>; null when the row has none.</summary>
    public double? GetDouble(string column) => _row.GetDouble(column);

    /// <summary>The time column <paramref name="column"/>; null when the row has none.</summary>
    public DateTimeOffset? GetDateTimeOffset(string column) => _row.GetDateTimeOffset(column);

    /// <summary>Every text column, by name: for a part that rewrites rows of several kinds by the keys they name.</summary>
    public IReadOnlyDictionary<string, string> TextColumns() => TextColumns(string.Empty);

    // A copy of the row's columns at new keys, without its version or storage time: written by an upsert.
    internal TableEntity CopyAt(string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in _row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    /// <summary>
    /// Gives <paramref name="entity"/> (whose columns the caller has filled from this row) the row's keys, version and
    /// storage time, so it can be written back guarded by the version it was read at.
    /// </summary>
    public T Fill<T>(T entity) where T : StoredEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.PartitionKey = PartitionKey;
        entity.RowKey = RowKey;
        ((ITableEntity)entity).ETag = _row.ETag;
        ((ITableEntity)entity).Timestamp = _row.Timestamp;
        return entity;
    }
}
