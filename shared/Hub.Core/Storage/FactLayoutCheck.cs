using Azure;
using Azure.Data.Tables;
using Hub.Core.Kernel;

namespace Hub.Core.Storage;

/// <summary>
/// Checks at start-up that the store was written with the <see cref="FactTableLayout"/> the Hub is configured with:
/// each table of the layout holds only its own person partitions, and no table past the layout holds a row. Read with
/// another layout, a store would look as if most of its persons were gone.
/// </summary>
internal static class FactLayoutCheck
{
    /// <summary>
    /// Null when the store agrees with a <paramref name="count"/>-table layout (an empty store agrees with any), else
    /// what is wrong and what to set. One query a table, each asking for a single row.
    /// </summary>
    public static async Task<string?> FindMismatchAsync(TableServiceClient tables, string prefix, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < FactTableLayout.MaxTables; i++)
        {
            var name = FactTableLayout.TableName(prefix, i);
            if (await HoldsAnyAsync(tables.GetTableClient(name), ForeignRows(i, count), cancellationToken).ConfigureAwait(false))
            {
                return $"Table '{name}' holds person partitions that a layout of {count} facts table(s) keeps elsewhere: the store was "
                    + "written with another Hub:Storage:FactTables. Set it to the number of tables the store was written with "
                    + "(1 when only 'facts' holds rows), or start from an empty store.";
            }
        }

        return null;
    }

    // The rows table index of a count-table layout must not hold; null for none to look for (the only table's every row).
    private static string? ForeignRows(int index, int count)
    {
        var end = PersonKey.FormatPartition(PersonKey.PartitionCount);
        if (index >= count)
        {
            return string.Empty;
        }

        var next = index + 1 < count ? FactTableLayout.FirstPartitionOf(index + 1, count) : end;
        return (index, next == end) switch
        {
            (0, true) => null,
            (0, false) => TableFilter.Of($"PartitionKey ge {next} and PartitionKey lt {end}"),
            (_, true) => TableFilter.Of($"PartitionKey lt {FactTableLayout.FirstPartitionOf(index, count)}"),
            _ => TableFilter.Of($"PartitionKey lt {FactTableLayout.FirstPartitionOf(index, count)} or PartitionKey ge {next}"),
        };
    }

    private static async Task<bool> HoldsAnyAsync(TableClient table, string? filter, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            return false;
        }

        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter.Length == 0 ? null : filter, 1, ["PartitionKey"], cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A table the layout does not have and nobody created.
        }

        return false;
    }
}
