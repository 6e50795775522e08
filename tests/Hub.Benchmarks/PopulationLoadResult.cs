namespace Hub.Benchmarks;

/// <summary>What loading the population took, and how it was loaded.</summary>
internal sealed record PopulationLoadResult(int Persons, long Rows, long AcceptedRows, TimeSpan Elapsed)
{
    /// <summary>How the rows went in; with <see cref="SeedCheckedRows"/>, the rows the seed check compared first.</summary>
    public PopulationLoading Loading { get; init; } = PopulationLoading.Feeds;

    public int SeedCheckedRows { get; init; }
}
