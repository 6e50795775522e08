using System.Globalization;
using Azure.Data.Tables;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Rotation;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Protection;

/// <summary>
/// A rotation stopped in the middle of a stage and run again ends exactly as one run straight through: the same store
/// (copied table by table) rotated both ways, then every table compared row by row.
/// </summary>
public sealed partial class PepperRotationTests
{
    [Fact]
    public async Task A_rotation_stopped_in_the_middle_of_its_stages_and_run_again_ends_as_one_run_straight_through()
    {
        var rotating = new Dictionary<string, string?>(Limits)
        {
            ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5)).ToArray()),

            // Only the test runs the rotation: the timer that continues a stopped one would otherwise go on between its stops.
            ["Hub:PersonKey:RotationSchedule"] = "0 0 0 1 1 *",
        };
        string straightPrefix;
        var stoppedPrefix = AzuriteFixture.UniquePrefix();
        await using (var before = new HubFactory(azurite, Limits) { DeleteStorageOnDispose = false })
        {
            straightPrefix = before.Prefix;
            rotating["Hub:PersonKey:RetiredPepper"] = before.Services.GetRequiredService<IOptions<PersonKeyOptions>>().Value.Pepper;
            foreach (var ((source, _, format), feed) in SampleSet.Layout.Zip(Snapshots()))
            {
                await PushAsync(before, source, feed, format, "snapshot");
            }

            await PushAsync(before, ShippedSources.CivilAffairs, FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.CivilAffairs), new FeedWriterOptions { MistakeRate = 0.3 }), SampleFileFormat.CsvUtf8Bom, "delta");
            await CopyTablesAsync(before.Storage.ServiceTables, straightPrefix, stoppedPrefix);
        }

        var copiedAt = DateTimeOffset.UtcNow;
        await using var straight = new HubFactory(azurite, rotating, straightPrefix);
        var requests = new TableRequestLog();
        await using var stopped = new HubFactory(azurite, rotating, stoppedPrefix) { TestServices = services => requests.AddTo(services, azurite.ConnectionString) };

        var done = await straight.Services.GetRequiredService<PersonKeyRotation>().RunAsync();

        // Stopped in each stage, as a timeout or a restart would stop it: while mapping, while moving facts rows (each time
        // with partitions under way), while remapping the worklist and while rebuilding the resident index; then run
        // again to the end.
        var rotation = stopped.Services.GetRequiredService<PersonKeyRotation>();
        var stops = new[]
        {
            (stopped.Storage.KeyMap.Name, 150, RotationStage.Mapping),
            (stopped.Storage.Facts.Name, 100, RotationStage.Moving),
            (stopped.Storage.Worklist.Name, 3, RotationStage.Remapping),
            (stopped.Storage.Residents.Name, 20, RotationStage.Reconciling),
        };
        foreach (var (table, writes, stage) in stops)
        {
            using var stop = new CancellationTokenSource();
            requests.AfterWrites(table, writes, stop.Cancel);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotation.RunAsync(stop.Token));
            Assert.Equal(stage, (await rotation.ReadAsync()).Stage);
        }

        var resumed = await rotation.RunAsync();

        Assert.Equal(RotationStage.Done, done.Stage);
        Assert.Equal((done.Stage, done.KeysMapped, done.RowsMoved, done.RowsRemapped), (resumed.Stage, resumed.KeysMapped, resumed.RowsMoved, resumed.RowsRemapped));
        var expected = await TableRowsAsync(straight, copiedAt);
        var actual = await TableRowsAsync(stopped, copiedAt);
        Assert.Equal(expected.Keys, actual.Keys);
        var differences = expected.Select(t => (Table: t.Key, Straight: t.Value.Except(actual[t.Key]).ToList(), Stopped: actual[t.Key].Except(t.Value).ToList()))
            .Where(d => d.Straight.Count + d.Stopped.Count > 0)
            .Select(d => $"{d.Table}: {d.Straight.Count} rows only straight through (first {d.Straight.FirstOrDefault()}), {d.Stopped.Count} only stopped and run again (first {d.Stopped.FirstOrDefault()})")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        var opened = await OpenedFacts.ByRowKeyAsync(straight.Services);
        var openedAgain = await OpenedFacts.ByRowKeyAsync(stopped.Services);
        Assert.Equal(opened.Keys.Order(StringComparer.Ordinal), openedAgain.Keys.Order(StringComparer.Ordinal));
        Assert.All(opened, fact => Assert.Equal(fact.Value.OrderBy(a => a.Key, StringComparer.Ordinal), openedAgain[fact.Key].OrderBy(a => a.Key, StringComparer.Ordinal)));
    }

    // Every table of one prefix copied into another, row by row, as a second Hub's store holding the same data.
    private static async Task CopyTablesAsync(TableServiceClient tables, string from, string to)
    {
        await foreach (var table in tables.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(from, StringComparison.Ordinal))
            {
                continue;
            }

            var target = tables.GetTableClient(to + table.Name[from.Length..]);
            await target.CreateIfNotExistsAsync();
            var rows = await tables.GetTableClient(table.Name).QueryAsync<TableEntity>().ToListAsync();
            foreach (var batch in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)))
            {
                await target.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }
        }
    }

    // Every table's rows as text, in key order. What the run writes at its own time (a time column written after the copy)
    // and a value sealed with a fresh nonce (a fact's sealed value, a data key wrapped for its new owner) cannot be equal
    // between two runs; the sealed facts are compared opened instead.
    private static async Task<SortedDictionary<string, List<string>>> TableRowsAsync(HubFactory hub, DateTimeOffset copiedAt)
    {
        var found = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var table in hub.Storage.ServiceTables.QueryAsync(t => true))
        {
            // The audit trail's person index is written in the background, at the indexer's own pace: not the rotation's.
            if (!table.Name.StartsWith(hub.Prefix, StringComparison.Ordinal) || table.Name == hub.Storage.AuditByPerson.Name)
            {
                continue;
            }

            var rows = new List<string>();
            await foreach (var row in hub.Storage.ServiceTables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var columns = ((IDictionary<string, object>)row)
                    .Where(c => c.Key is not ("Timestamp" or "odata.etag"))
                    .OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => $"{c.Key}={Comparable(c.Value, copiedAt)}");
                rows.Add(string.Join("; ", columns));
            }

            found[table.Name[hub.Prefix.Length..]] = rows;
        }

        return found;
    }

    private static string Comparable(object value, DateTimeOffset copiedAt) => value switch
    {
        DateTimeOffset time when time >= copiedAt => "(the run's time)",
        DateTime time when time >= copiedAt.UtcDateTime => "(the run's time)",
        string text when IsSealedBox(text) => $"(sealed, {text.Length} characters)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // A box of SealedBox: base64 of a version byte 1, a nonce and a tag (29 bytes) and the sealed text.
    private static bool IsSealedBox(string text)
    {
        var bytes = new byte[text.Length];
        return text.Length >= 40 && Convert.TryFromBase64String(text, bytes, out var length) && length >= 29 && bytes[0] == 1;
    }
}
