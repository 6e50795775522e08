using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Benchmarks;

/// <summary>
/// Pushes one large feed through the running Hub and compares its end-to-end rate with raw Azurite writing the
/// same number of entities, in the same run, and counts the storage requests the Hub sent per record.
/// </summary>
internal static class IngestionBenchmark
{
    private const string Source = "civil-affairs";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<IngestionResult> RunAsync(string storage, long rows, double unusableIds)
    {
        var prefix = $"bench{Environment.ProcessId}";
        var feedPath = Path.Combine(Path.GetTempPath(), $"hub-bench-{rows}.csv");
        await using var factory = new BenchmarkHub(storage, prefix) { DeleteStorageOnDispose = true };
        factory.UseKestrel(0);
        factory.StartServer();

        var mapping = factory.Services.GetRequiredService<Hub.Core.Feeds.Sources.SourceCatalog>().All.Single(s => s.Id == Source);
        Console.Error.WriteLine($"Writing a {rows:N0}-row feed...");
        var writing = Stopwatch.StartNew();
        await using (var file = File.Create(feedPath))
        {
            // Without a share asked for, the feed keeps the generator's everyday ID problems (under 1% of rows).
            var options = unusableIds > 0 ? new FeedWriterOptions { IdProblemRate = unusableIds } : null;
            await FeedWriter.WriteLargeCsvAsync(file, mapping, rows, seed: 20261123, options);
        }

        Console.Error.WriteLine($"  written in {writing.Elapsed.TotalSeconds:N1} s");

        var concurrency = factory.Services.GetRequiredService<IOptions<FeedProcessingOptions>>().Value.MergeConcurrency;
        Console.Error.WriteLine("Measuring raw Azurite...");
        var raw = await RawTableBaseline.EntitiesPerSecondAsync(new TableServiceClient(storage), $"{prefix}raw", rows, attributesLength: 260, concurrency);

        Console.Error.WriteLine("Pushing through the Hub...");
        using var client = factory.CreatePublisherClient(Source);
        var memory = MemorySampler.Start();
        var before = factory.StorageOperations.Count;
        var stopwatch = Stopwatch.StartNew();
        await using var body = File.OpenRead(feedPath);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri($"/api/feeds/{Source}", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var pushed = stopwatch.Elapsed;
        var report = await WaitAsync(client, response.Headers.Location!);
        stopwatch.Stop();
        var operations = factory.StorageOperations.Count - before;
        await memory.DisposeAsync();
        if (report.Status != BatchStatus.Completed)
        {
            throw new InvalidOperationException($"The batch {report.Status}: {report.FailureReason}");
        }

        var (keyRows, entries) = await CandidateIndexSizeAsync(new TableServiceClient(storage).GetTableClient($"{prefix}candidates"));
        var payload = new FileInfo(feedPath).Length;
        File.Delete(feedPath);
        return new IngestionResult(
            rows,
            report.Counts.Inserted,
            report.Counts.Rejected,
            raw,
            report.Counts.Received / stopwatch.Elapsed.TotalSeconds,
            operations,
            pushed.TotalSeconds,
            stopwatch.Elapsed.TotalSeconds,
            memory.PeakHeapBytes,
            memory.PeakWorkingSetBytes,
            payload)
        {
            UnidentifiedRecords = report.Counts.Unidentified,
            CandidateKeyRows = keyRows,
            CandidateEntries = entries,
        };
    }

    // The candidate index after the run: rows (one per blocking key) and entries (one per person and key).
    private static async Task<(long Rows, long Entries)> CandidateIndexSizeAsync(TableClient candidates)
    {
        long rows = 0, entries = 0;
        try
        {
            await foreach (var row in candidates.QueryAsync<TableEntity>())
            {
                rows++;
                entries += row.Keys.Count(k => k.StartsWith('p'));
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // A Hub without a candidate index.
        }

        return (rows, entries);
    }

    private static async Task<BatchReport> WaitAsync(HttpClient client, Uri location)
    {
        while (true)
        {
            var report = (await client.GetFromJsonAsync<BatchReport>(location, Json))!;
            if (report.Status is BatchStatus.Completed or BatchStatus.Failed)
            {
                return report;
            }

            await Task.Delay(250);
        }
    }
}
