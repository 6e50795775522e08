using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>One write of a transaction (<see cref="EntityTable.SubmitAsync"/>): all of a transaction's changes are made, or none.</summary>
public sealed class EntityChange
{
    private EntityChange(TableTransactionActionType type, StoredEntity entity, EntityVersion? version)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Action = version is { } v ? new TableTransactionAction(type, entity, new ETag(v.Value)) : new TableTransactionAction(type, entity);
        Version = version;
    }

    private EntityChange(TableTransactionAction action, EntityVersion? version = null) => (Action, Version) = (action, version);

    internal TableTransactionAction Action { get; }

    /// <summary>The version the change is guarded by; null when it is made whatever the row's version (or an add).</summary>
    public EntityVersion? Version { get; }

    /// <summary>The row the change writes (or, for a delete, names).</summary>
    public StoredEntity Entity => Action.Entity as StoredEntity ?? new BareRow(Action.Entity.PartitionKey, Action.Entity.RowKey);

    /// <summary>Adds <paramref name="entity"/>; the transaction fails with <see cref="WriteOutcome.AlreadyExists"/> when its row is there.</summary>
    public static EntityChange Add(StoredEntity entity) => new(TableTransactionActionType.Add, entity, version: null);

    /// <summary>
    /// Writes <paramref name="entity"/> over its row only while the row is still at <paramref name="version"/>; the
    /// transaction fails with <see cref="WriteOutcome.Changed"/> when it is not.
    /// </summary>
    public static EntityChange Update(StoredEntity entity, EntityVersion version, EntityUpdateMode mode = EntityUpdateMode.Replace) =>
        new(mode == EntityUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, entity, version);

    /// <summary>Writes <paramref name="entity"/> whether or not its row is there.</summary>
    public static EntityChange Upsert(StoredEntity entity, EntityUpdateMode mode = EntityUpdateMode.Replace) =>
        new(mode == EntityUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace, entity, version: null);

    /// <summary>Deletes <paramref name="entity"/>'s row, whatever its version; the transaction fails with <see cref="WriteOutcome.Missing"/> when there is none.</summary>
    public static EntityChange Delete(StoredEntity entity) => new(TableTransactionActionType.Delete, entity, EntityVersion.Any);

    /// <summary>
    /// Writes the text columns <paramref name="columns"/> into the row at <paramref name="partitionKey"/>/<paramref name="rowKey"/>,
    /// creating it when it is not there and leaving its other columns as they are: for rows whose columns are named by
    /// data (one column per member of a bucket), which no entity type can declare. With <paramref name="version"/>, only
    /// into the row as it stands at that version: the transaction fails with <see cref="WriteOutcome.Changed"/> (or
    /// <see cref="WriteOutcome.Missing"/>) otherwise.
    /// </summary>
    public static EntityChange MergeColumns(string partitionKey, string rowKey, IReadOnlyDictionary<string, string> columns, EntityVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in columns)
        {
            row[name] = value;
        }

        return version is { } guard
            ? new EntityChange(new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, new ETag(guard.Value)), guard)
            : new EntityChange(new TableTransactionAction(TableTransactionActionType.UpsertMerge, row));
    }

    /// <summary>
    /// Writes a copy of <paramref name="row"/> at <paramref name="partitionKey"/>/<paramref name="rowKey"/>, whatever is
    /// there, with the text columns <paramref name="replaced"/> set to new values: for moving rows of any kind to new keys.
    /// </summary>
    public static EntityChange UpsertCopy(StoredRow row, string partitionKey, string rowKey, IReadOnlyDictionary<string, string> replaced)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(replaced);
        var copy = row.CopyAt(partitionKey, rowKey);
        foreach (var (name, value) in replaced)
        {
            copy[name] = value;
        }

        return new EntityChange(new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy));
    }

    /// <summary>Deletes the row at <paramref name="partitionKey"/>/<paramref name="rowKey"/>, whatever its version; the transaction fails with <see cref="WriteOutcome.Missing"/> when there is none.</summary>
    public static EntityChange Delete(string partitionKey, string rowKey) => Delete(new BareRow(partitionKey, rowKey));
}
