using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>
/// Spreads a table written whole over the tables of its split: every row of the first table whose partition another
/// table holds is written there, then deleted from the first, a partition at a time, in transactions of 100. For a
/// store written before a table was split (<c>residents</c>, split on the local emulator since), at start-up, before
/// anything reads it. Safe to run again after an interruption: a row is deleted only once its copy is written, and a
/// copy written again replaces itself.
/// </summary>
internal static class SplitSpread
{
    // The most changes a table transaction takes.
    private const int TransactionLimit = 100;

    /// <summary>Moves the rows of <paramref name="tables"/>' first table that <paramref name="split"/> keeps elsewhere; how many were moved.</summary>
    public static async Task<int> SpreadAsync(IReadOnlyList<TableClient> tables, TableSplit split, CancellationToken cancellationToken)
    {
        var moved = 0;
        var partition = new List<TableEntity>();
        await foreach (var row in tables[0].QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (partition.Count > 0 && !string.Equals(partition[0].PartitionKey, row.PartitionKey, StringComparison.Ordinal))
            {
                moved += await MoveAsync(tables, split, partition, cancellationToken).ConfigureAwait(false);
                partition.Clear();
            }

            partition.Add(row);
        }

        return moved + await MoveAsync(tables, split, partition, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> MoveAsync(IReadOnlyList<TableClient> tables, TableSplit split, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var target = rows.Count == 0 ? 0 : split.TableOf(rows[0].PartitionKey);
        if (target == 0)
        {
            return 0;
        }

        foreach (var chunk in rows.Chunk(TransactionLimit))
        {
            await tables[target].SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in rows.Chunk(TransactionLimit))
        {
            await tables[0].SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }
}
