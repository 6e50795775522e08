using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Core.Feeds.Batches;
using Hub.Samples;
using Hub.Tests.Shared;

namespace Hub.Benchmarks;

/// <summary>
/// A delta into a store that is already large: N persons seeded straight into storage (<see cref="PopulationSeed"/>),
/// then a police delta about the first R of them, in which each person dies, moves or moves out and a share of the
/// rows carries no usable ID number (so they are matched to the stored persons), pushed through the Hub over HTTP and
/// followed to completion. It prints the end-to-end time and, per delta record, the storage requests the Hub sent by
/// table and kind: writes, point reads and queries, each query by its filter's shape. On an emulator that answers
/// every query by filtering the whole table, a query per record makes a run grow with the store, not the delta.
/// </summary>
internal static class StoreDeltaBenchmark
{
    public static async Task<string> RunAsync(string storage, int persons, int rows, double unusableIds)
    {
        if (rows > persons)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"The delta ({rows:N0} rows) is about stored persons: at most --store ({persons:N0}).");
        }

        var prefix = $"storebench{Environment.ProcessId}";
        var tables = new TableRequestLog();
        var settings = new Dictionary<string, string>
        {
            // No sweeps or timers during the run: only the delta's own work is counted.
            ["Hub:Push:SweepSchedule"] = "0 0 0 1 1 *",
        };
        await using var factory = new BenchmarkHub(storage, prefix, settings, services => tables.AddTo(services, storage)) { DeleteStorageOnDispose = true };
        factory.UseKestrel(0);
        factory.StartServer();

        Console.Error.WriteLine($"Seeding {persons:N0} persons (police and civil-affairs registers)...");
        var seeded = await PopulationSeed.RunAsync(factory.Services, persons);
        Console.Error.WriteLine($"  {seeded.AcceptedRows:N0} records in {seeded.Elapsed.TotalSeconds:N1} s");

        var deltaPath = Path.Combine(Path.GetTempPath(), $"hub-store-bench-{Environment.ProcessId}.csv");
        await using (var file = File.Create(deltaPath))
        {
            var options = new FeedWriterOptions { MistakeRate = 0, IdProblemRate = unusableIds };
            await LifeEventsDelta.WritePoliceCsvAsync(file, rows, PopulationLoad.Seed, PopulationLoad.Focus, options);
        }

        Console.Error.WriteLine($"Pushing a {rows:N0}-row police delta ({unusableIds:P0} without a usable ID)...");
        using var publisher = factory.CreatePublisherClient(ShippedSources.Police);
        var before = tables.Totals();
        var readsBefore = tables.ReadShapes();
        var stopwatch = Stopwatch.StartNew();
        var report = await PoliceDelta.PushAndWaitAsync(publisher, deltaPath, TimeSpan.FromMilliseconds(250));
        stopwatch.Stop();
        var after = tables.Totals();
        var readsAfter = tables.ReadShapes();
        File.Delete(deltaPath);

        // Hub:Storage:KeyReads as the Hub settled it (an environment variable such as Hub__Storage__KeyReads reaches it).
        return $"Key reads: {factory.Storage.KeyReads}{Environment.NewLine}"
            + Format(persons, rows, report, stopwatch.Elapsed, prefix, before, after, readsBefore, readsAfter);
    }

    private static string Format(
        int persons, int rows, BatchReport report, TimeSpan elapsed, string prefix,
        IReadOnlyDictionary<string, (long Requests, long Writes, long Entities)> before,
        IReadOnlyDictionary<string, (long Requests, long Writes, long Entities)> after,
        IReadOnlyDictionary<(string Table, string Shape), long> readsBefore,
        IReadOnlyDictionary<(string Table, string Shape), long> readsAfter)
    {
        string Table(string name) => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
        string PerRecord(long count) => (count / (double)rows).ToString("0.0000", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var counts = report.Counts;
        text.AppendLine(CultureInfo.InvariantCulture, $"Delta of {rows:N0} rows into a store of {persons:N0} persons: {counts.Received:N0} received, {counts.Updated:N0} updated, {counts.Inserted:N0} inserted, {counts.Unidentified:N0} without a usable ID, {counts.Rejected:N0} rejected");
        text.AppendLine(CultureInfo.InvariantCulture, $"End to end (push to batch completed): {elapsed.TotalSeconds:N1} s ({counts.Received / elapsed.TotalSeconds:N0} records/s)");

        long writes = 0, points = 0, queries = 0;
        text.AppendLine("Per delta record, by table: writes / point reads / queries");
        foreach (var name in after.Keys.Where(n => n != "Tables").Order(StringComparer.Ordinal))
        {
            var (requests, written, _) = after[name];
            var (r0, w0, _) = before.GetValueOrDefault(name);
            var tableWrites = written - w0;
            var reads = requests - r0 - tableWrites;
            var tablePoints = readsAfter.GetValueOrDefault((name, "point")) - readsBefore.GetValueOrDefault((name, "point"));
            if (tableWrites + reads == 0)
            {
                continue;
            }

            writes += tableWrites;
            points += tablePoints;
            queries += reads - tablePoints;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Table(name),-22} {PerRecord(tableWrites)} / {PerRecord(tablePoints)} / {PerRecord(reads - tablePoints)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  {"all tables",-22} {PerRecord(writes)} / {PerRecord(points)} / {PerRecord(queries)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Storage operations per record beyond the writes (point reads and queries): {PerRecord(points + queries)}");
        text.AppendLine("Queries by shape (count in the run; each one filters the whole table on the emulator):");
        foreach (var ((table, shape), count) in readsAfter.Where(r => r.Key.Shape != "point")
            .Select(r => (r.Key, Count: r.Value - readsBefore.GetValueOrDefault(r.Key))).Where(r => r.Count > 0).OrderByDescending(r => r.Count))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {count,8:N0}  {Table(table)}: {shape}");
        }

        return text.ToString();
    }
}
