using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Kernel;

namespace Hub.Benchmarks;

/// <summary>
/// What Azurite does with no Hub in front: the same number of fact-sized entities, spread over the same 1,024
/// partitions, written in full 100-entity transactions with the Hub's merge concurrency.
/// </summary>
internal static class RawTableBaseline
{
    public static async Task<double> EntitiesPerSecondAsync(TableServiceClient tables, string tableName, long count, int attributesLength, int concurrency)
    {
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var attributes = new string('x', attributesLength);
        var byPartition = new Dictionary<int, List<TableEntity>>();
        for (long i = 0; i < count; i++)
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).AsSpan(0, 16));
            var partition = PersonKey.Parse(key).Partition;
            if (!byPartition.TryGetValue(partition, out var list))
            {
                byPartition[partition] = list = [];
            }

            list.Add(new TableEntity(PersonKey.FormatPartition(partition), $"raw|{key}|")
            {
                ["PersonKey"] = key,
                ["Source"] = "raw",
                ["Attributes"] = attributes,
                ["ContentHash"] = key,
            });
        }

        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(byPartition.Values, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entities, token) =>
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
}
