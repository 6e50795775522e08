namespace Hub.Core.Identity.Matching;

/// <summary>
/// The m and u probabilities of every comparison level, estimated from unlabelled candidate pairs by
/// <see cref="WeightEstimator"/>: what the data say, to set beside the reviewed rules file.
/// </summary>
/// <param name="MatchShare">The estimated share of candidate pairs that are the same person.</param>
/// <param name="Levels">Field → level → estimated m and u.</param>
/// <param name="Iterations">How many expectation–maximisation rounds it took.</param>
/// <param name="Converged">Whether the estimate stopped moving before the round limit.</param>
public sealed record WeightEstimate(
    double MatchShare,
    IReadOnlyDictionary<MatchField, IReadOnlyDictionary<ComparisonLevel, LevelWeights>> Levels,
    int Iterations,
    bool Converged);
