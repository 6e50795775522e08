using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>
/// How often a comparison level was seen between a matching row and its candidates, for the same person and for
/// different people: the empirical m and u (among candidates found by blocking) that the rules' weights are tuned against.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Level">The level.</param>
/// <param name="SamePerson">Comparisons with the row's own person.</param>
/// <param name="OtherPeople">Comparisons with other candidates.</param>
/// <param name="RandomPairs">Comparisons with records of people drawn at random: chance agreement, the textbook u.</param>
public sealed record LevelObservation(MatchField Field, ComparisonLevel Level, int SamePerson, int OtherPeople, int RandomPairs);
