using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>
/// Proves <see cref="PopulationSeed"/> writes what the feeds write: loads a small population both ways into storage
/// of their own (the feeds through an in-process Hub, the seed straight in) and compares every fact, view and
/// resident row, apart from what names the moment or the batch (times, batch ids, ETags) and the street version
/// counters, which count writes rather than state. Sealed values are compared opened, each with its own hub's data
/// keys (the two stores hold different keys, so boxes and keyed hashes differ by design).
/// </summary>
internal static class SeedCheck
{
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "Timestamp", "odata.etag", "FirstBatch", "LastBatch", "FirstSeenAt", "UpdatedAt",
        "Sealed", "ContentHash", "KeyId", "Wrapped",
    };

    /// <summary>Returns how many rows were compared; throws, naming the first row that differs, when any does.</summary>
    public static async Task<int> RunAsync(string storage, int persons, CancellationToken cancellationToken = default)
    {
        var run = Environment.ProcessId;
        await using var fed = new BenchmarkHub(storage, $"seedcheckf{run}", new Dictionary<string, string> { ["Logging:LogLevel:Hub.Core.Feeds.Processing.FeedProcessor"] = "Warning" })
        {
            DeleteStorageOnDispose = true,
        };
        fed.UseKestrel(0);
        fed.StartServer();
        await using var seeded = new BenchmarkHub(storage, $"seedchecks{run}", new Dictionary<string, string> { ["Hub:Triggers:RunLocally"] = "false" })
        {
            DeleteStorageOnDispose = true,
        };
        await PopulationLoad.RunAsync(fed.CreatePublisherClient, persons, cancellationToken);
        await PopulationSeed.RunAsync(seeded.Services, persons, cancellationToken);
        var facts = Compare("facts", await RowsAsync(fed.Storage.FactTables, await OpenedAsync(fed, cancellationToken), cancellationToken), await RowsAsync(seeded.Storage.FactTables, await OpenedAsync(seeded, cancellationToken), cancellationToken));
        var residents = Compare("residents", await RowsAsync(fed.Storage.ResidentTables, Opened.None, cancellationToken), await RowsAsync(seeded.Storage.ResidentTables, Opened.None, cancellationToken));
        return facts + residents;
    }

    private static int Compare(string table, IReadOnlyDictionary<string, string> fed, IReadOnlyDictionary<string, string> seeded)
    {
        if (fed.Count == 0)
        {
            throw new InvalidOperationException($"The feeds wrote no {table} rows; nothing to compare.");
        }

        foreach (var (key, row) in fed)
        {
            if (!seeded.TryGetValue(key, out var other))
            {
                throw new InvalidOperationException($"The seed did not write {table} row {key}, which the feeds wrote.");
            }

            if (row != other)
            {
                throw new InvalidOperationException($"The seed wrote {table} row {key} unlike the feeds.");
            }
        }

        if (seeded.Keys.Except(fed.Keys).FirstOrDefault() is { } extra)
        {
            throw new InvalidOperationException($"The seed wrote {table} row {extra}, which the feeds did not.");
        }

        return fed.Count;
    }

    /// <summary>Every fact's attributes and every view's facts of a hub's facts table, opened with its data keys, by row key.</summary>
    private static async Task<Opened> OpenedAsync(BenchmarkHub hub, CancellationToken cancellationToken)
    {
        var rows = await hub.Storage.FactsTable.QueryRowsAsync("PartitionKey ne ''", cancellationToken).ToListAsync(cancellationToken);
        var people = PersonRows.Group(rows, hub.Services.GetRequiredService<KeyRing>()).Values;
        return new Opened(
            people.SelectMany(p => p.Facts).ToDictionary(f => f.RowKey, f => Canonical(f.ToView().Attributes), StringComparer.Ordinal),
            people.Where(p => p.View?.IsUsable() == true).ToDictionary(p => p.View!.RowKey, p => JsonSerializer.Serialize(p.View!.ReadFacts(), StorageJson.Options), StringComparer.Ordinal));
    }

    // Attributes in one order, as a fact stored them before values were sealed.
    private static string Canonical(IReadOnlyDictionary<string, string> attributes) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(attributes.ToDictionary(), StringComparer.Ordinal), StorageJson.Options);

    /// <summary>Every row but the street versions, keyed "partition/row", as canonical text without its volatile properties.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RowsAsync(IReadOnlyList<TableClient> tables, Opened opened, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in tables.ToAsyncEnumerable().SelectMany(t => t.QueryAsync<TableEntity>(cancellationToken: cancellationToken)))
        {
            if (entity.RowKey == StreetVersion.RowKey)
            {
                continue;
            }

            var canonical = new JsonObject();
            foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => !Volatile.Contains(p.Key)))
            {
                canonical[name] = (name, value) switch
                {
                    ("Facts", string) => WithoutVolatile(opened.Views[entity.RowKey]),
                    ("Attributes", string) => JsonValue.Create(opened.Facts[entity.RowKey]),
                    _ => JsonValue.Create(value?.ToString()),
                };
            }

            rows[$"{entity.PartitionKey}/{entity.RowKey}"] = canonical.ToJsonString();
        }

        return rows;
    }

    // A view's facts carry their batch and times too.
    private static JsonArray WithoutVolatile(string facts)
    {
        var array = JsonNode.Parse(facts)!.AsArray();
        foreach (var fact in array.OfType<JsonObject>())
        {
            foreach (var name in fact.Select(p => p.Key).Where(Volatile.Contains).ToList())
            {
                fact.Remove(name);
            }
        }

        return array;
    }

    /// <summary>Opened facts and views by row key.</summary>
    private sealed record Opened(IReadOnlyDictionary<string, string> Facts, IReadOnlyDictionary<string, string> Views)
    {
        public static Opened None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
    }
}
