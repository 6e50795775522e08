using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace Hub.Benchmarks;

/// <summary>
/// Loads a population through a running Hub, then measures, in the same run and with the same load generator,
/// a raw single-entity read on Azurite and the Hub's person detail and division lists; counts the storage
/// operations and audit events each read costs.
/// </summary>
internal static class ReadBenchmark
{
    /// <summary>The raw entity read (the baseline) and the raw range query (for reference) come before the Hub's scenarios.</summary>
    public const int ReferenceScenarios = 2;

    /// <summary>How many pairs of persons are merged for the linked person detail scenario.</summary>
    public const int LinkedPairs = 128;

    /// <summary>The population the seed check loads both ways before a seeded run.</summary>
    public const int SeedCheckPersons = 300;

    public static async Task<ReadBenchmarkResult> RunAsync(ReadBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        var tables = new TableServiceClient(options.Storage);
        var load = options.Loading == PopulationLoading.Feeds
            ? await LoadThroughFeedsAsync(options, cancellationToken)
            : await SeedAsync(options, cancellationToken);

        Console.Error.WriteLine("Choosing what to read...");
        var residents = await ReadTargets.ResidentsAsync(tables, cancellationToken);
        var firstPages = ReadTargets.FirstPages(options.Hub, residents);
        var raw = await ReadTargets.RawEntityReadsAsync(tables, cancellationToken);
        Console.Error.WriteLine($"Merging {LinkedPairs} pairs of persons for linked person detail...");
        var linked = await ReadTargets.LinkedPersonDetailsAsync(options.Hub, residents, LinkedPairs, cancellationToken);
        ReadScenario[] scenarios =
        [
            raw,
            ReadTargets.RawPersonRanges(raw),
            ReadTargets.PersonDetails(options.Hub, await UnlinkedAsync(tables, linked, cancellationToken)),
            linked,
            firstPages,
            await ReadTargets.NextPagesAsync(firstPages, cancellationToken),
        ];

        // Costs first, with few requests, then latencies: the person index a scenario leaves behind is written after
        // its answers, and must be written before the next scenario's latencies are taken.
        Console.Error.WriteLine("Counting storage operations per request...");
        var costs = new Dictionary<ReadScenario, RequestCost>();
        (double P50, double P95, long Appends) audit;
        await using (var counting = new StorageOperationsPerRequest(options.Storage, options.Connections))
        {
            foreach (var scenario in scenarios.Skip(ReferenceScenarios).Where(s => s.Requests.Count > 0))
            {
                costs[scenario] = await counting.MeasureAsync(scenario, cancellationToken);
            }

            Console.Error.WriteLine("Measuring the audit append alone...");
            audit = await AuditAppendLatency.MeasureAsync(counting.Hub, options.Connections, TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)), cancellationToken);
        }

        var measured = new List<ScenarioFigures>();
        await AuditIndexSettling.WaitAsync(tables, cancellationToken);
        foreach (var scenario in scenarios.Where(s => s.Requests.Count > 0))
        {
            Console.Error.WriteLine($"Measuring {scenario.Name} ({scenario.Requests.Count:N0} different requests)...");
            var latency = await LoadGenerator.RunAsync(options, scenario, cancellationToken);
            Console.Error.WriteLine($"  {latency.RequestsPerSecond:N0} req/s, p50 {latency.P50:N2} ms, p95 {latency.P95:N2} ms; waiting for the person index...");
            var backlog = await AuditIndexSettling.WaitAsync(tables, cancellationToken);
            measured.Add(new ScenarioFigures(scenario, latency, costs.GetValueOrDefault(scenario), costs.ContainsKey(scenario) ? backlog : null));
        }

        var stored = await StoredEntities.MeasureAsync(tables, string.Empty, [], cancellationToken);
        await OperationsFile.WriteAsync(options.OperationsPath, "reads", Section(options, measured, stored), options.Command);
        return new ReadBenchmarkResult(options, load, measured, audit);
    }

    // The residents after the merges, less the kept persons: plain person detail reads persons without links.
    private static async Task<IReadOnlyList<(string Street, string Community, string PersonKey)>> UnlinkedAsync(TableServiceClient tables, ReadScenario linked, CancellationToken cancellationToken)
    {
        var kept = linked.Requests.Select(r => r.Path.Split('/', '?')[3]).ToHashSet(StringComparer.Ordinal);
        return [.. (await ReadTargets.ResidentsAsync(tables, cancellationToken)).Where(r => !kept.Contains(r.PersonKey))];
    }

    // Per Hub scenario: storage requests and audit events per request, per table requests and entities touched, and the
    // steady rate; per table of the loaded store, entities and their mean billed size (audit rows included).
    private static JsonObject Section(ReadBenchmarkOptions options, List<ScenarioFigures> measured, IReadOnlyDictionary<string, (long Entities, long Bytes)> stored)
    {
        var scenarios = new JsonObject();
        foreach (var figures in measured.Where(m => m.Cost is not null))
        {
            var cost = figures.Cost!;
            var perTable = new JsonObject();
            foreach (var (table, (requests, entities)) in cost.Tables.Where(t => t.Key != "Tables").OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                perTable[table] = new JsonObject { ["requests"] = OperationsFile.Round(requests), ["entities"] = OperationsFile.Round(entities) };
            }

            scenarios[figures.Scenario.Name] = new JsonObject
            {
                ["requestsPerRequest"] = OperationsFile.Round(cost.StorageOperations),
                ["auditEventsPerRequest"] = OperationsFile.Round(cost.AuditEvents),
                ["requestsPerSecond"] = Math.Round(figures.Latency.RequestsPerSecond, 1),
                ["connections"] = options.Connections,
                ["p95Milliseconds"] = Math.Round(figures.Latency.P95, 2),
                ["tables"] = perTable,
            };
        }

        var sizes = new JsonObject();
        // The seed check's own tables (its name prefix) are not the Hub's.
        foreach (var (table, (entities, bytes)) in stored.Where(t => !t.Key.StartsWith("seedcheck", StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            sizes[table] = new JsonObject { ["entities"] = entities, ["bytesPerEntity"] = entities == 0 ? 0 : Math.Round(bytes / (double)entities) };
        }

        return new JsonObject { ["persons"] = options.Persons, ["scenarios"] = scenarios, ["stored"] = sizes };
    }

    private static async Task<PopulationLoadResult> LoadThroughFeedsAsync(ReadBenchmarkOptions options, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Loading {options.Persons:N0} persons through the Hub's feeds...");
        return await PopulationLoad.RunAsync(options.Hub, options.Persons, cancellationToken);
    }

    private static async Task<PopulationLoadResult> SeedAsync(ReadBenchmarkOptions options, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Checking the seed against the feeds with {SeedCheckPersons} persons...");
        var checkedRows = await SeedCheck.RunAsync(options.Storage, SeedCheckPersons, cancellationToken);
        Console.Error.WriteLine($"Seeding {options.Persons:N0} persons...");

        // The running Hub's own storage (no name prefix); its triggers stay off in this copy.
        await using var hub = new BenchmarkHub(options.Storage, prefix: string.Empty, new Dictionary<string, string> { ["Hub:Triggers:RunLocally"] = "false" });
        var load = await PopulationSeed.RunAsync(hub.Services, options.Persons, cancellationToken);
        return load with { Loading = PopulationLoading.Seed, SeedCheckedRows = checkedRows };
    }
}
