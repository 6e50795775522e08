using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>
/// Checks at start-up that the store was written with the <see cref="TableSplit"/> the Hub is configured with: each
/// table of the split holds only its own partitions (for a split in key order, no row outside its range; for a split
/// by class, none among its first partitions), and no table past the split holds a row. Read with another split, a
/// store would look as if most of its rows were gone.
/// </summary>
internal static class SplitCheck
{
    /// <summary>How many of a table's first partitions <see cref="HoldsForeignPartitionAsync"/> looks at.</summary>
    public const int PartitionsProbed = 8;

    /// <summary>
    /// Null when the store agrees with <paramref name="split"/> (an empty store agrees with any), else what is wrong and
    /// what to set. One listing of the split's tables that exist, then one query each asking for a single row (for a
    /// split by class, up to <see cref="PartitionsProbed"/> such queries).
    /// </summary>
    public static async Task<string?> FindMismatchAsync(TableServiceClient tables, string prefix, TableSplit split, CancellationToken cancellationToken)
    {
        var existing = await ExistingTablesAsync(tables, prefix, split, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < TableSplit.MaxTables; i++)
        {
            var name = split.TableName(prefix, i);
            if (existing?.Contains(name) == false)
            {
                continue;
            }

            var table = tables.GetTableClient(name);
            var foreign = split.IsKeyOrdered || i >= split.Count
                ? await HoldsAnyAsync(table, ForeignRows(split, i), cancellationToken).ConfigureAwait(false)
                : split.Count > 1 && await HoldsForeignPartitionAsync(table, split, i, cancellationToken).ConfigureAwait(false);
            if (foreign)
            {
                return $"Table '{name}' holds partitions that a split of '{split.BaseName}' into {split.Count} table(s) keeps elsewhere: "
                    + "the store was written with another Hub:Storage:SplitTables. Set it to the number of tables the store was "
                    + $"written with (1 when only '{split.BaseName}' holds rows), or start from an empty store.";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether table <paramref name="index"/> of a split by class holds a partition of another table, judged by its first
    /// <see cref="PartitionsProbed"/> partitions (a query for the first row after the last partition found, each): a
    /// table written whole holds partitions of every class, so the first few all falling in one class by chance is
    /// about one in 16 to the power of their number.
    /// </summary>
    public static async Task<bool> HoldsForeignPartitionAsync(TableClient table, TableSplit split, int index, CancellationToken cancellationToken)
    {
        string? after = null;
        for (var probe = 0; probe < PartitionsProbed; probe++)
        {
            var first = await FirstPartitionAsync(table, after is null ? null : TableFilter.Of($"PartitionKey gt {after}"), cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                return false;
            }

            if (split.TableOf(first) != index)
            {
                return true;
            }

            after = first;
        }

        return false;
    }

    /// <summary>Whether <paramref name="table"/> holds any row (false for a table nobody created): one query for a single row.</summary>
    public static async Task<bool> HoldsAnyAsync(TableClient table, CancellationToken cancellationToken) =>
        await FirstPartitionAsync(table, null, cancellationToken).ConfigureAwait(false) is not null;

    // The tables of the largest split that exist (with one table each, as on Azure, only the first): one listing, so the
    // check does not ask fifteen missing tables for rows. Null when the Hub's identity may not list tables: each is asked.
    private static async Task<HashSet<string>?> ExistingTablesAsync(TableServiceClient tables, string prefix, TableSplit split, CancellationToken cancellationToken)
    {
        var (first, last) = (split.TableName(prefix, 0), split.TableName(prefix, TableSplit.MaxTables - 1));
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var table in tables.QueryAsync(TableFilter.Of($"TableName ge {first} and TableName le {last}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                names.Add(table.Name);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            return null;
        }

        return names;
    }

    // The rows table index of the split must not hold: null for none to look for, empty for any row at all.
    private static string? ForeignRows(TableSplit split, int index)
    {
        if (index >= split.Count)
        {
            return string.Empty;
        }

        var (first, next, end) = (split.FirstPartitionOf(index), split.FirstPartitionOf(index + 1), split.FirstPartitionOf(split.Count));
        return (index, next == end) switch
        {
            (0, true) => null,
            (0, false) => TableFilter.Of($"PartitionKey ge {next} and PartitionKey lt {end}"),
            (_, true) => TableFilter.Of($"PartitionKey lt {first}"),
            _ => TableFilter.Of($"PartitionKey lt {first} or PartitionKey ge {next}"),
        };
    }

    private static async Task<bool> HoldsAnyAsync(TableClient table, string? filter, CancellationToken cancellationToken) =>
        filter is not null && await FirstPartitionAsync(table, filter.Length == 0 ? null : filter, cancellationToken).ConfigureAwait(false) is not null;

    // The partition of the first row filter lets through; null for none, or for a table the split does not have and nobody created.
    private static async Task<string?> FirstPartitionAsync(TableClient table, string? filter, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, 1, ["PartitionKey"], cancellationToken).ConfigureAwait(false))
            {
                return row.PartitionKey;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A table the split does not have and nobody created.
        }

        return null;
    }
}
