namespace Hub.Samples.Quality;

/// <summary>Which population the quality harness generates; the same options always give the same report.</summary>
public sealed record QualityOptions
{
    /// <summary>Seed of the population and of every feed's mistakes.</summary>
    public int Seed { get; init; } = new PopulationOptions().Seed;

    /// <summary>How many people; every one of them is in the police register, some in other feeds too.</summary>
    public int People { get; init; } = 20_000;
}
