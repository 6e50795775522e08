using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>The reads of <see cref="EntityTable"/> that may take more than one request: known keys, queries and pages.</summary>
public sealed partial class EntityTable
{
    /// <summary>
    /// The row keys one query of <see cref="GetRowsAsync"/> names: Azure permits at most 15 discrete comparisons in one
    /// $filter ("Querying tables and entities", Storage services REST reference), the partition's and 14 row keys'.
    /// </summary>
    public const int KeysPerQuery = 14;

    // Key reads of one call in flight at once, so a batch's thousands of keys do not open thousands of connections.
    private const int ReadsInFlight = 8;

    /// <summary>
    /// The rows of <paramref name="partitionKey"/> whose keys <paramref name="rowKeys"/> names, whatever their columns, in
    /// no set order; a row not there (or a missing table) is left out. As <see cref="HubStorageOptions.KeyReads"/> says:
    /// a point read a key, or a query for every 14 keys, which Azure bills by its pages, not its rows.
    /// </summary>
    public async Task<IReadOnlyList<StoredRow>> GetRowsAsync(string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var keys = rowKeys.Distinct(StringComparer.Ordinal).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlight, CancellationToken = cancellationToken };
        if (_keyReads == KeyReadMode.PointReads)
        {
            var rows = new StoredRow?[keys.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), parallel, async (i, token) =>
                rows[i] = await GetRowAsync(partitionKey, keys[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            return [.. rows.OfType<StoredRow>()];
        }

        // A key alone is a point read: the same one request, and Azure runs a query that names row keys as a scan of the partition.
        var chunks = keys.Chunk(KeysPerQuery).ToList();
        var found = new List<StoredRow>[chunks.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), parallel, async (i, token) =>
            found[i] = chunks[i] is [var only]
                ? [.. await GetRowAsync(partitionKey, only, token).ConfigureAwait(false) is { } row ? [row] : Array.Empty<StoredRow>()]
                : await ReadKeysAsync(partitionKey, chunks[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. found.SelectMany(f => f)];
    }

    /// <summary>
    /// Every row matching <paramref name="filter"/> (built with <see cref="TableFilter"/>), read page by page as the
    /// caller enumerates: in key order within a partition, partitions in key order (over a table split by class, each
    /// table's rows read at once and merged).
    /// </summary>
    /// <param name="filter">The OData filter; null for every row of the table.</param>
    /// <param name="pageSize">Rows per request; null for storage's default (1,000).</param>
    /// <param name="select">The columns to read; null for all.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async IAsyncEnumerable<T> QueryAsync<T>(string? filter, int? pageSize = null, IEnumerable<string>? select = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : StoredEntity, new()
    {
        await foreach (var row in ReadTablesAsync(filter, t => t.QueryAsync<T>(filter, pageSize, select, cancellationToken)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>
    /// Every row matching <paramref name="filter"/>, whatever its kind, read page by page as the caller enumerates: for
    /// ranges that hold rows of several kinds, which the caller tells apart by their keys.
    /// </summary>
    public async IAsyncEnumerable<StoredRow> QueryRowsAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in ReadTablesAsync(filter, t => t.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredRow(row);
        }
    }

    /// <summary>
    /// One page of the rows matching <paramref name="filter"/>: the first page when <paramref name="continuationToken"/>
    /// is null, else the page that token (from an earlier page of the same query) names. Over several tables a page
    /// holds rows of one table, and the token names the table it goes on in (<see cref="MultiTableToken"/>): for a
    /// table split by class, the pages are in key order within each table only.
    /// </summary>
    public async Task<EntityPage<T>> QueryPageAsync<T>(string filter, string? continuationToken, int pageSize, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : StoredEntity, new()
    {
        var tables = TablesFor(filter);
        var (index, token) = tables.Count == 1 ? (0, continuationToken) : MultiTableToken.Parse(continuationToken, tables.Count);
        await foreach (var page in tables[index].QueryAsync<T>(filter, pageSize, select, cancellationToken).AsPages(token, pageSize).ConfigureAwait(false))
        {
            return new EntityPage<T>(page.Values, tables.Count == 1 ? page.ContinuationToken : MultiTableToken.After(index, page.ContinuationToken, tables.Count));
        }

        return new EntityPage<T>([], tables.Count == 1 ? null : MultiTableToken.After(index, null, tables.Count));
    }

    // One query for a few keys of a partition: a missing table answers 404 as a point read does, and reads as empty.
    private async Task<List<StoredRow>> ReadKeysAsync(string partitionKey, string[] rowKeys, CancellationToken cancellationToken)
    {
        var filter = $"{TableFilter.Of($"PartitionKey eq {partitionKey}")} and ({string.Join(" or ", rowKeys.Select(k => TableFilter.Of($"RowKey eq {k}")))})";
        var rows = new List<StoredRow>(rowKeys.Length);
        try
        {
            await foreach (var row in QueryRowsAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return rows;
    }

    // The rows read from each table the filter can reach: one table after another, or, over a table split by class, all
    // at once and merged in key order.
    private IAsyncEnumerable<TRow> ReadTablesAsync<TRow>(string? filter, Func<TableClient, IAsyncEnumerable<TRow>> read)
        where TRow : ITableEntity
    {
        var sources = TablesFor(filter).Select(read).ToList();
        return sources.Count > 1 && _split is { IsKeyOrdered: false }
            ? KeyOrderMerge.MergeAsync(sources, r => (r.PartitionKey, r.RowKey))
            : OneAfterAnotherAsync(sources);
    }

    private static async IAsyncEnumerable<TRow> OneAfterAnotherAsync<TRow>(IEnumerable<IAsyncEnumerable<TRow>> sources)
    {
        foreach (var source in sources)
        {
            await foreach (var row in source.ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    private List<TableClient> TablesFor(string? filter)
    {
        if (_split is null)
        {
            return [_tables[0]];
        }

        var (first, last) = PartitionFilter.TablesFor(filter, _split);
        return [.. _tables.Skip(first).Take(last - first + 1)];
    }
}
