using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Kernel;

namespace Hub.Benchmarks;

/// <summary>
/// What Azurite does with no Hub in front: the same number of fact-sized entities, spread over the same 1,024
/// partitions, written in full 100-entity transactions with the Hub's merge concurrency; or written as the plain
/// pattern a tutorial gives, one upsert per record with a fixed number in flight and no batching.
/// </summary>
internal static class RawTableBaseline
{
    /// <summary>Entities per second in full 100-entity transactions, <paramref name="concurrency"/> partitions at a time.</summary>
    public static async Task<double> EntitiesPerSecondAsync(TableServiceClient tables, string tableName, long count, int attributesLength, int concurrency)
    {
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var byPartition = Entities(count, attributesLength).GroupBy(e => e.PartitionKey, StringComparer.Ordinal).Select(p => p.ToList()).ToList();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(byPartition, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entities, token) =>
        {
            foreach (var chunk in entities.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token);
            }
        });
        stopwatch.Stop();
        await table.DeleteAsync();
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Entities per second written one upsert each, <paramref name="inFlight"/> requests at a time.</summary>
    public static async Task<double> SingleUpsertsPerSecondAsync(TableServiceClient tables, string tableName, long count, int attributesLength, int inFlight)
    {
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var entities = Entities(count, attributesLength).ToList();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (entity, token) =>
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, token));
        stopwatch.Stop();
        await table.DeleteAsync();
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    // Fact-sized entities keyed as the Hub keys persons, so they spread over the same partitions.
    private static IEnumerable<TableEntity> Entities(long count, int attributesLength)
    {
        var attributes = new string('x', attributesLength);
        for (long i = 0; i < count; i++)
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).AsSpan(0, 16));
            yield return new TableEntity(PersonKey.Parse(key).PartitionKey, $"raw|{key}|")
            {
                ["PersonKey"] = key,
                ["Source"] = "raw",
                ["Attributes"] = attributes,
                ["ContentHash"] = key,
            };
        }
    }
}
