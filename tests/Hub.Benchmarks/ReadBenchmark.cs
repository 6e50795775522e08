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

    public static async Task<ReadBenchmarkResult> RunAsync(ReadBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        var tables = new TableServiceClient(options.Storage);
        Console.Error.WriteLine($"Loading {options.Persons:N0} persons through the Hub...");
        var load = await PopulationLoad.RunAsync(options.Hub, options.Persons, cancellationToken);

        Console.Error.WriteLine("Choosing what to read...");
        var residents = await ReadTargets.ResidentsAsync(tables, cancellationToken);
        var firstPages = ReadTargets.FirstPages(options.Hub, residents);
        var raw = await ReadTargets.RawEntityReadsAsync(tables, cancellationToken);
        ReadScenario[] scenarios =
        [
            raw,
            ReadTargets.RawPersonRanges(raw),
            ReadTargets.PersonDetails(options.Hub, residents),
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
        foreach (var scenario in scenarios.Where(s => s.Requests.Count > 0))
        {
            await AuditIndexSettling.WaitAsync(tables, cancellationToken);
            Console.Error.WriteLine($"Measuring {scenario.Name} ({scenario.Requests.Count:N0} different requests)...");
            measured.Add(new ScenarioFigures(scenario, await LoadGenerator.RunAsync(options, scenario, cancellationToken), costs.GetValueOrDefault(scenario)));
        }

        return new ReadBenchmarkResult(options, load, measured, audit);
    }
}
