using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;

namespace Hub.Benchmarks;

/// <summary>
/// Proves <see cref="PopulationSeed"/> writes what the feeds write: loads a small population both ways into storage
/// of their own (the feeds through an in-process Hub, the seed straight in) and compares every fact, view and
/// resident row, apart from what names the moment or the batch (times, batch ids, ETags) and the street version
/// counters, which count writes rather than state.
/// </summary>
internal static class SeedCheck
{
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "Timestamp", "odata.etag", "FirstBatch", "LastBatch", "FirstSeenAt", "UpdatedAt",
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
        var facts = Compare("facts", await RowsAsync(fed.Storage.Facts, cancellationToken), await RowsAsync(seeded.Storage.Facts, cancellationToken));
        var residents = Compare("residents", await RowsAsync(fed.Storage.Residents, cancellationToken), await RowsAsync(seeded.Storage.Residents, cancellationToken));
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

    /// <summary>Every row but the street versions, keyed "partition/row", as canonical text without its volatile properties.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (entity.RowKey == StreetVersion.RowKey)
            {
                continue;
            }

            var canonical = new JsonObject();
            foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => !Volatile.Contains(p.Key)))
            {
                canonical[name] = name == "Facts" && value is string facts ? WithoutVolatile(facts) : JsonValue.Create(value?.ToString());
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
}
