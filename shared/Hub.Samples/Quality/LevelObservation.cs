using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>
/// One comparison level three ways: what the rules weigh it, what expectation–maximisation estimates from the
/// candidate pairs without looking at the truth, and how often it was seen against the truth, between a matching row
/// and its own person, other candidates blocking found, and people drawn at random.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Level">The level.</param>
/// <param name="SamePerson">Comparisons with the row's own person.</param>
/// <param name="OtherPeople">Comparisons with other candidates.</param>
/// <param name="RandomPairs">Comparisons with records of people drawn at random: chance agreement, the textbook u.</param>
public sealed record LevelObservation(MatchField Field, ComparisonLevel Level, int SamePerson, int OtherPeople, int RandomPairs)
{
    /// <summary>The rules' m and u; null for <see cref="ComparisonLevel.Missing"/>, which weighs nothing.</summary>
    public LevelWeights? Rules { get; init; }

    /// <summary>
    /// The m expectation–maximisation estimated from the candidate pairs without the truth, one session per kind of
    /// blocking key (<see cref="SessionEstimator"/>), beside chance agreement among random pairs as u; null for
    /// <see cref="ComparisonLevel.Missing"/>.
    /// </summary>
    public LevelWeights? Estimated { get; init; }

    /// <summary>Observed m: the level's share of the same-person comparisons that had a value on both sides; null for <see cref="ComparisonLevel.Missing"/>.</summary>
    public double? ObservedM { get; init; }

    /// <summary>Observed u among the other candidates blocking found, of those with a value on both sides; null for <see cref="ComparisonLevel.Missing"/>.</summary>
    public double? ObservedUBlocked { get; init; }

    /// <summary>Observed u among random pairs (chance agreement), of those with a value on both sides; null for <see cref="ComparisonLevel.Missing"/>.</summary>
    public double? ObservedURandom { get; init; }
}
