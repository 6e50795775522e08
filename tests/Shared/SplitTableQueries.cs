using System.Linq.Expressions;
using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Tests.Shared;

/// <summary>Reads under the Hub across every table its <c>facts</c>, <c>candidates</c> and <c>residents</c> are split into, as a test that looks at the raw rows needs.</summary>
internal static class SplitTableQueries
{
    /// <summary>Every <c>facts</c> row <paramref name="filter"/> matches (all when null), table after table.</summary>
    public static IAsyncEnumerable<T> QueryFactsAsync<T>(this HubStorage storage, Expression<Func<T, bool>>? filter = null, IEnumerable<string>? select = null)
        where T : class, ITableEntity, new() => QueryAsync(storage.FactTables, filter, select);

    /// <summary>Every <c>candidates</c> row, table after table.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryCandidatesAsync(this HubStorage storage)
    {
        foreach (var table in storage.CandidateTables)
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                yield return row;
            }
        }
    }

    /// <summary>Every <c>residents</c> row <paramref name="filter"/> matches (all when null), table after table.</summary>
    public static IAsyncEnumerable<T> QueryResidentsAsync<T>(this HubStorage storage, Expression<Func<T, bool>>? filter = null, IEnumerable<string>? select = null)
        where T : class, ITableEntity, new() => QueryAsync(storage.ResidentTables, filter, select);

    /// <summary>Every <c>facts</c> row the OData <paramref name="filter"/> matches, table after table.</summary>
    public static async IAsyncEnumerable<T> QueryFactsAsync<T>(this HubStorage storage, string filter)
        where T : class, ITableEntity, new()
    {
        foreach (var table in storage.FactTables)
        {
            await foreach (var row in table.QueryAsync<T>(filter))
            {
                yield return row;
            }
        }
    }

    private static async IAsyncEnumerable<T> QueryAsync<T>(IEnumerable<TableClient> tables, Expression<Func<T, bool>>? filter, IEnumerable<string>? select)
        where T : class, ITableEntity, new()
    {
        foreach (var table in tables)
        {
            var rows = filter is null ? table.QueryAsync<T>(select: select) : table.QueryAsync(filter, select: select);
            await foreach (var row in rows)
            {
                yield return row;
            }
        }
    }
}
