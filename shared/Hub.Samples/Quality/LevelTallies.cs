using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>Counts how often each comparison level is seen for the same person, for other candidates and for random pairs.</summary>
internal sealed class LevelTallies
{
    private readonly Dictionary<(MatchField Field, ComparisonLevel Level), (int Same, int Other, int Random)> _levels = [];

    public IReadOnlyList<LevelObservation> Levels =>
        _levels.OrderBy(l => l.Key.Field).ThenBy(l => l.Key.Level).Select(l => new LevelObservation(l.Key.Field, l.Key.Level, l.Value.Same, l.Value.Other, l.Value.Random)).ToList();

    public void Observe(IReadOnlyList<ScoredCandidate> ranked, Func<PersonKey, bool> isSamePerson)
    {
        foreach (var candidate in ranked)
        {
            var same = isSamePerson(candidate.Person);
            foreach (var field in candidate.Fields)
            {
                var (s, o, r) = _levels.GetValueOrDefault((field.Field, field.Level));
                _levels[(field.Field, field.Level)] = same ? (s + 1, o, r) : (s, o + 1, r);
            }
        }
    }

    public void ObserveRandomPair(IReadOnlyList<FieldComparison> comparisons)
    {
        foreach (var field in comparisons)
        {
            var (s, o, r) = _levels.GetValueOrDefault((field.Field, field.Level));
            _levels[(field.Field, field.Level)] = (s, o, r + 1);
        }
    }
}
