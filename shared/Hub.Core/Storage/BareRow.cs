namespace Hub.Core.Storage;

/// <summary>
/// A row with keys and no columns: a marker whose version is all that counts (a street's version row), or the keys of
/// a row to delete.
/// </summary>
public sealed class BareRow : StoredEntity
{
    /// <summary>Creates an empty row; storage fills its keys when it is read.</summary>
    public BareRow()
    {
    }

    /// <summary>Creates the row at <paramref name="partitionKey"/>/<paramref name="rowKey"/>.</summary>
    public BareRow(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }
}
