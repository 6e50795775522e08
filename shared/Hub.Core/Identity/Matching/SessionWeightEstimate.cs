namespace Hub.Core.Identity.Matching;

/// <summary>The m and u of every level, combined from several <see cref="EstimationSession"/>s by <see cref="SessionEstimator"/>.</summary>
/// <param name="Levels">Field → level → estimated m, and u at chance agreement among random pairs.</param>
/// <param name="Sessions">What each session estimated.</param>
public sealed record SessionWeightEstimate(
    IReadOnlyDictionary<MatchField, IReadOnlyDictionary<ComparisonLevel, LevelWeights>> Levels,
    IReadOnlyList<SessionEstimate> Sessions);
