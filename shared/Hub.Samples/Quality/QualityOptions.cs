using Hub.Samples.Corruption;

namespace Hub.Samples.Quality;

/// <summary>Which population and feeds the quality harness generates, and how it runs them; the same options always give the same report.</summary>
public sealed record QualityOptions
{
    /// <summary>Seed of the population, of every feed's mistakes and of every corruption.</summary>
    public int Seed { get; init; } = new PopulationOptions().Seed;

    /// <summary>How many people; every one of them is in the police register, some in other feeds too.</summary>
    public int People { get; init; } = 20_000;

    /// <summary>Which feeds: the departments' everyday mistakes (<see cref="QualityPresetName.Standard"/>) or those and a linkage benchmark's corruptions (<see cref="QualityPresetName.Hard"/>).</summary>
    public QualityPresetName Preset { get; init; } = QualityPresetName.Standard;

    /// <summary>The corruptions of the hard preset and their rates; ignored by the standard preset.</summary>
    public CorruptionRates Corruptions { get; init; } = new();

    /// <summary>Every ID number left out, as in a benchmark that has none (the disability certificate, which holds it, too).</summary>
    public bool WithoutIds { get; init; }

    /// <summary>Every sex left out.</summary>
    public bool WithoutSex { get; init; }

    /// <summary>
    /// The order the Hub receives the four feeds in, one batch each. The register first by default, as a deployment
    /// loads it; <see cref="AllOrders"/> measures the others.
    /// </summary>
    public IReadOnlyList<string> FeedOrder { get; init; } =
        [ShippedSources.Police, ShippedSources.CivilAffairs, ShippedSources.DisabilityFederation, ShippedSources.HousingSecurity];

    /// <summary>Also runs every order of the feeds (24 for four) and reports the figures of each.</summary>
    public bool AllOrders { get; init; }
}
