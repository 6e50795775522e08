namespace Hub.Benchmarks;

/// <summary>How the read benchmark fills the store before it reads.</summary>
internal enum PopulationLoading
{
    /// <summary>The feeds' rows written straight into storage by <see cref="PopulationSeed"/>, after <see cref="SeedCheck"/>.</summary>
    Seed,

    /// <summary>The feeds pushed through the running Hub (<see cref="PopulationLoad"/>).</summary>
    Feeds,
}
