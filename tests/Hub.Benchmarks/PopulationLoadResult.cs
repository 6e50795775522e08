namespace Hub.Benchmarks;

/// <summary>What loading the population through the Hub took.</summary>
internal sealed record PopulationLoadResult(int Persons, long Rows, long AcceptedRows, TimeSpan Elapsed);
