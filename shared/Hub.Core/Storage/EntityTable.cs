using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Hub.Core.Storage;

/// <summary>
/// One of the Hub's tables: point reads, queries (whole or a page at a time), conditional writes and transactions.
/// Storage refusals a caller can act on come back as outcomes (<see cref="WriteOutcome"/>); any other failure
/// (storage unreachable, throttled, a bad request) is thrown, see <see cref="StorageFailures"/>.
/// </summary>
/// <remarks>
/// Each method is one storage request (a query one per page), so operation counts stay as they were; a read of several
/// keys (<see cref="GetRowsAsync"/>) is a request a key or a query per 14 keys, each through the same counted pipeline.
/// </remarks>
public sealed partial class EntityTable
{
    // The most changes a table transaction takes.
    private const int TransactionLimit = 100;

    // The tables of a split table (facts and candidates on the emulator), else the one table.
    private readonly IReadOnlyList<TableClient> _tables;
    private readonly TableSplit? _split;
    private readonly KeyReadMode _keyReads;

    internal EntityTable(TableClient client, KeyReadMode keyReads = KeyReadMode.PointReads)
        : this([client], null, keyReads)
    {
    }

    internal EntityTable(IReadOnlyList<TableClient> tables, TableSplit? split, KeyReadMode keyReads = KeyReadMode.PointReads)
    {
        _tables = tables;
        _split = split;
        _keyReads = keyReads == KeyReadMode.Queries ? KeyReadMode.Queries : KeyReadMode.PointReads;
    }

    /// <summary>The table's name in the account (of its first table, when its rows are spread over several).</summary>
    public string Name => _tables[0].Name;

    /// <summary>How <see cref="GetRowsAsync"/> reads a set of known keys: by point reads or by queries.</summary>
    internal KeyReadMode KeyReads => _keyReads;

    /// <summary>
    /// The row at <paramref name="partitionKey"/>/<paramref name="rowKey"/>; null when there is none, and also when the
    /// table itself is missing (storage answers both with 404), so a derived table dropped to be rebuilt reads as empty.
    /// </summary>
    public async Task<T?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : StoredEntity, new()
    {
        var response = await For(partitionKey).GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// The row at <paramref name="partitionKey"/>/<paramref name="rowKey"/> whatever its columns (one point read), for a
    /// row whose columns are named by data; null when there is none or the table is missing.
    /// </summary>
    public async Task<StoredRow?> GetRowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await For(partitionKey).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new StoredRow(response.Value!) : null;
    }

    /// <summary>
    /// Replaces the columns of the row at <paramref name="partitionKey"/>/<paramref name="rowKey"/> by the text columns
    /// <paramref name="columns"/>, only while the row is at <paramref name="version"/>: <see cref="WriteOutcome.Changed"/>
    /// when someone wrote it since, <see cref="WriteOutcome.Missing"/> when it is gone.
    /// </summary>
    public async Task<WriteOutcome> ReplaceColumnsAsync(string partitionKey, string rowKey, IReadOnlyDictionary<string, string> columns, EntityVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in columns)
        {
            row[name] = value;
        }

        try
        {
            await For(partitionKey).UpdateEntityAsync(row, new ETag(version.Value), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Written;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return WriteOutcome.Changed;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return WriteOutcome.Missing;
        }
    }

    /// <summary>Whether a row is at <paramref name="partitionKey"/>/<paramref name="rowKey"/> (one point read; also a cheap reachability probe).</summary>
    public async Task<bool> ExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await For(partitionKey).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    /// <summary>Adds <paramref name="entity"/>: <see cref="WriteOutcome.AlreadyExists"/> when its row is already there.</summary>
    public async Task<WriteResult> AddAsync(StoredEntity entity, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await For(entity.PartitionKey).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return Written(response);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return new WriteResult(WriteOutcome.AlreadyExists, null);
        }
    }

    /// <summary>
    /// Writes <paramref name="entity"/> over its row only while the row is at <paramref name="version"/>
    /// (<see cref="EntityVersion.Any"/> for whatever version): <see cref="WriteOutcome.Changed"/> when someone wrote
    /// it since, <see cref="WriteOutcome.Missing"/> when the row (or the table) is gone.
    /// </summary>
    public async Task<WriteResult> UpdateAsync(StoredEntity entity, EntityVersion version, EntityUpdateMode mode, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await For(entity.PartitionKey).UpdateEntityAsync(entity, new ETag(version.Value), Mode(mode), cancellationToken).ConfigureAwait(false);
            return Written(response);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return new WriteResult(WriteOutcome.Changed, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new WriteResult(WriteOutcome.Missing, null);
        }
    }

    /// <summary>Writes <paramref name="entity"/> whether or not its row is there; returns the row's new version.</summary>
    public async Task<EntityVersion?> UpsertAsync(StoredEntity entity, EntityUpdateMode mode, CancellationToken cancellationToken = default)
    {
        var response = await For(entity.PartitionKey).UpsertEntityAsync(entity, Mode(mode), cancellationToken).ConfigureAwait(false);
        return VersionOf(response);
    }

    /// <summary>
    /// Deletes the row at <paramref name="partitionKey"/>/<paramref name="rowKey"/>, only while it is at
    /// <paramref name="version"/> when one is given: <see cref="WriteOutcome.Changed"/> when it is not. Deleting a row
    /// that is not there is <see cref="WriteOutcome.Written"/> (it is gone either way).
    /// </summary>
    public async Task<WriteOutcome> DeleteAsync(string partitionKey, string rowKey, EntityVersion? version = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await For(partitionKey).DeleteEntityAsync(partitionKey, rowKey, version is { } v ? new ETag(v.Value) : ETag.All, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Written;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return WriteOutcome.Changed;
        }
    }

    /// <summary>
    /// Deletes the rows <paramref name="rows"/> names, whatever their versions: a partition's rows 100 to a transaction,
    /// and a transaction refused because one of its rows is gone already made again row by row. Returns how many rows
    /// were named.
    /// </summary>
    public async Task<int> DeleteRowsAsync(IEnumerable<StoredEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(r => r.RowKey, StringComparer.Ordinal).Chunk(TransactionLimit))
            {
                count += chunk.Length;
                var result = await SubmitAsync(chunk.Select(r => EntityChange.Delete(r.PartitionKey, r.RowKey)), cancellationToken).ConfigureAwait(false);
                if (result.Outcome == WriteOutcome.Missing)
                {
                    foreach (var row in chunk)
                    {
                        await DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    result.ThrowIfNotWritten();
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Makes every change of <paramref name="changes"/> (at most 100, all in one partition) in one transaction, or
    /// none: <see cref="WriteOutcome.AlreadyExists"/> (409) or <see cref="WriteOutcome.Changed"/> (412) with the index
    /// of the change that stopped it when another writer came first, <see cref="WriteOutcome.Missing"/> (404) when a
    /// delete's row (or the table) is not there, <see cref="WriteOutcome.TooManyColumns"/> (400) when a merge would take
    /// its row past the columns storage takes.
    /// </summary>
    public async Task<TransactionResult> SubmitAsync(IEnumerable<EntityChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            var actions = changes.Select(c => c.Action).ToList();
            var table = actions.Count == 0 ? _tables[0] : For(actions[0].Entity.PartitionKey);
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new TransactionResult(WriteOutcome.Written, null, response.Value.Select(VersionOf).ToList());
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            var outcome = ex.Status switch
            {
                404 => WriteOutcome.Missing,
                409 => WriteOutcome.AlreadyExists,
                _ => WriteOutcome.Changed,
            };
            return new TransactionResult(outcome, ex.FailedTransactionActionIndex, []);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 400 && ex.ErrorCode == TableErrorCode.TooManyProperties.ToString())
        {
            return new TransactionResult(WriteOutcome.TooManyColumns, ex.FailedTransactionActionIndex, []);
        }
    }

    private TableClient For(string partitionKey) => _split is null ? _tables[0] : _tables[_split.TableOf(partitionKey)];

    private static WriteResult Written(Response response) => new(WriteOutcome.Written, VersionOf(response));

    private static EntityVersion? VersionOf(Response response) => response.Headers.ETag is { } etag ? new EntityVersion(etag.ToString()) : null;

    private static TableUpdateMode Mode(EntityUpdateMode mode) => mode == EntityUpdateMode.Merge ? TableUpdateMode.Merge : TableUpdateMode.Replace;
}
