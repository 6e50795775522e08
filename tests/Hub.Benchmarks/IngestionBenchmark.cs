using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Hub.Samples;
using Hub.Tests.Shared;
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

    // The plain pattern's requests in flight (issue 19's comparison).
    private const int SingleUpsertsInFlight = 32;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<IngestionResult> RunAsync(string storage, long rows, double unusableIds, string operationsPath, string command)
    {
        var prefix = $"bench{Environment.ProcessId}";
        var feedPath = Path.Combine(Path.GetTempPath(), $"hub-bench-{rows}.csv");
        var tables = new TableRequestLog();
        await using var factory = new BenchmarkHub(storage, prefix, services: services => tables.AddTo(services, storage)) { DeleteStorageOnDispose = true };
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
        Console.Error.WriteLine($"Measuring single upserts ({SingleUpsertsInFlight} in flight)...");
        var single = await RawTableBaseline.SingleUpsertsPerSecondAsync(new TableServiceClient(storage), $"{prefix}single", rows, attributesLength: 260, SingleUpsertsInFlight);

        Console.Error.WriteLine("Pushing through the Hub...");
        using var client = factory.CreatePublisherClient(Source);
        var memory = MemorySampler.Start();
        var before = factory.StorageOperations.Count;
        var tablesBefore = tables.Totals();
        var writtenBefore = tables.EntitiesWritten();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var location = await PushAsync(client, feedPath);
        var pushed = stopwatch.Elapsed;
        var report = await WaitAsync(client, location);
        stopwatch.Stop();
        var operations = factory.StorageOperations.Count - before;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var tablesAfter = tables.Totals();
        var writtenAfter = tables.EntitiesWritten();
        await memory.DisposeAsync();
        if (report.Status != BatchStatus.Completed)
        {
            throw new InvalidOperationException($"The batch {report.Status}: {report.FailureReason}");
        }

        var service = new TableServiceClient(storage);
        var candidates = TableSplit.Candidates(new HubStorageOptions().SplitTablesFor(service));
        var (keyRows, entries) = await CandidateIndexSizeAsync([.. Enumerable.Range(0, candidates.Count).Select(i => service.GetTableClient(candidates.TableName(prefix, i)))]);
        var payload = new FileInfo(feedPath).Length;
        Console.Error.WriteLine("Measuring what the run stored...");
        var stored = await StoredEntities.MeasureAsync(new TableServiceClient(storage), prefix, ["raw", "single"]);
        var newRecords = EntityWrites(writtenBefore, writtenAfter, prefix, report.Counts.Inserted);

        // The same records again, in reverse order (another payload, so another batch): every one is unchanged.
        Console.Error.WriteLine("Pushing the same records again, in reverse order...");
        var again = await PushAgainAsync(client, feedPath, tables, prefix);
        if (again.Report.Counts.Unchanged != report.Counts.Inserted)
        {
            throw new InvalidOperationException($"The same records pushed again left {again.Report.Counts.Unchanged:N0} unchanged of {report.Counts.Inserted:N0}.");
        }

        File.Delete(feedPath);
        var section = Section(rows, report, operations, cpu, stopwatch.Elapsed, payload, prefix, tablesBefore, tablesAfter, stored);
        section["entityWritesPerNewRecord"] = Rounded(newRecords);
        section["entityWritesPerUnchangedRecord"] = Rounded(again.Writes);
        await OperationsFile.WriteAsync(operationsPath, "ingest", section, command);
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
            SingleUpsertsPerSecond = single,
            EntityWritesPerNewRecord = newRecords,
            EntityWritesPerUnchangedRecord = again.Writes,
            CandidateKeyRows = keyRows,
            CandidateEntries = entries,
        };
    }

    // Per record of the run: storage requests in all, and per table requests, writes and entities touched (counted on the
    // wire) and entities stored with their mean billed size; the Hub's CPU (this process, Azurite aside) per record.
    private static JsonObject Section(
        long rows, BatchReport report, long operations, TimeSpan cpu, TimeSpan elapsed, long payload, string prefix,
        IReadOnlyDictionary<string, (long Requests, long Writes, long Entities)> before,
        IReadOnlyDictionary<string, (long Requests, long Writes, long Entities)> after,
        IReadOnlyDictionary<string, (long Entities, long Bytes)> stored)
    {
        var perTable = new JsonObject();
        // "Tables" is the service's list of tables (created at start), not a table of the Hub's.
        foreach (var name in after.Keys.Union(stored.Keys.Select(k => prefix + k)).Where(n => n != "Tables").Order(StringComparer.Ordinal))
        {
            var table = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
            var (requests, writes, entities) = after.GetValueOrDefault(name);
            var (r0, w0, e0) = before.GetValueOrDefault(name);
            var (kept, bytes) = stored.GetValueOrDefault(table);
            perTable[table] = new JsonObject
            {
                ["requestsPerRecord"] = OperationsFile.Round((requests - r0) / (double)rows),
                ["writesPerRecord"] = OperationsFile.Round((writes - w0) / (double)rows),
                ["entitiesTouchedPerRecord"] = OperationsFile.Round((entities - e0) / (double)rows),
                ["entitiesStoredPerRecord"] = OperationsFile.Round(kept / (double)rows),
                ["bytesPerEntity"] = kept == 0 ? 0 : Math.Round(bytes / (double)kept),
            };
        }

        return new JsonObject
        {
            ["rows"] = rows,
            ["accepted"] = report.Counts.Inserted,
            ["recordsPerSecond"] = Math.Round(report.Counts.Received / elapsed.TotalSeconds, 1),
            ["requestsPerRecord"] = OperationsFile.Round(operations / (double)rows),
            ["cpuMillisecondsPerRecord"] = OperationsFile.Round(cpu.TotalMilliseconds / rows),
            ["payloadBytesPerRecord"] = Math.Round(payload / (double)rows, 1),
            ["tables"] = perTable,
        };
    }

    // Pushes the feed's rows again in reverse order and follows the batch; returns its report and its entity writes per record, by table.
    private static async Task<(BatchReport Report, IReadOnlyDictionary<string, double> Writes)> PushAgainAsync(HttpClient client, string feedPath, TableRequestLog tables, string prefix)
    {
        var lines = await File.ReadAllLinesAsync(feedPath);
        var reversedPath = feedPath + ".reversed.csv";
        await File.WriteAllLinesAsync(reversedPath, [lines[0], .. lines.Skip(1).Reverse()]);
        try
        {
            var before = tables.EntitiesWritten();
            var report = await WaitAsync(client, await PushAsync(client, reversedPath));
            if (report.Status != BatchStatus.Completed)
            {
                throw new InvalidOperationException($"The second batch {report.Status}: {report.FailureReason}");
            }

            return (report, EntityWrites(before, tables.EntitiesWritten(), prefix, report.Counts.Unchanged));
        }
        finally
        {
            File.Delete(reversedPath);
        }
    }

    // Pushes a CSV file to the source's feed; returns where its batch is followed.
    private static async Task<Uri> PushAsync(HttpClient client, string path)
    {
        await using var body = File.OpenRead(path);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri($"/api/feeds/{Source}", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Headers.Location!;
    }

    // Entities written between two counts, per record, by table (tables written to only).
    private static Dictionary<string, double> EntityWrites(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, string prefix, long records) =>
        after.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal) && t.Value > before.GetValueOrDefault(t.Key))
            .ToDictionary(t => t.Key[prefix.Length..], t => (t.Value - before.GetValueOrDefault(t.Key)) / (double)Math.Max(1, records), StringComparer.Ordinal);

    private static JsonObject Rounded(IReadOnlyDictionary<string, double> byTable)
    {
        var json = new JsonObject { ["all"] = OperationsFile.Round(byTable.Values.Sum()) };
        foreach (var (table, value) in byTable.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json[table] = OperationsFile.Round(value);
        }

        return json;
    }

    // The candidate index after the run: rows (one per blocking key, a few for a birth date or a name sound with a county) and entries (one per person and key).
    private static async Task<(long Rows, long Entries)> CandidateIndexSizeAsync(IReadOnlyList<TableClient> tables)
    {
        long rows = 0, entries = 0;
        try
        {
            await foreach (var row in tables.ToAsyncEnumerable().SelectMany(t => t.QueryAsync<TableEntity>()))
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
