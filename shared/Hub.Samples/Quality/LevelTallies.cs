using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>
/// Counts how often each comparison level is seen for the same person, for other candidates and for random pairs,
/// and keeps every candidate pair's comparisons for the expectation–maximisation estimate.
/// </summary>
internal sealed class LevelTallies
{
    private readonly Dictionary<(MatchField Field, ComparisonLevel Level), (int Same, int Other, int Random)> _levels = [];
    private readonly List<IReadOnlyList<FieldComparison>> _pairs = [];
    private readonly List<bool> _same = [];

    /// <summary>The comparisons of every candidate pair observed, without the truth: what the estimate learns from.</summary>
    public IReadOnlyList<IReadOnlyList<FieldComparison>> Pairs => _pairs;

    /// <summary>For each of <see cref="Pairs"/>, whether it is really the same person.</summary>
    public IReadOnlyList<bool> Same => _same;

    public void Observe(IReadOnlyList<ScoredCandidate> ranked, Func<PersonKey, bool> isSamePerson)
    {
        foreach (var candidate in ranked)
        {
            var same = isSamePerson(candidate.Person);
            _pairs.Add(candidate.Fields);
            _same.Add(same);
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

    /// <summary>
    /// Every level the rules weigh or that was seen, in the rules' field order and the levels' order, with the rules'
    /// m and u, the <paramref name="estimate"/>'s, and the observed shares among comparisons with a value on both sides.
    /// </summary>
    public IReadOnlyList<LevelObservation> Levels(MatchRules rules, SessionWeightEstimate estimate)
    {
        var keys = rules.Fields.SelectMany(f => f.Levels.Keys.Select(l => (f.Field, Level: l))).Concat(_levels.Keys).Distinct()
            .OrderBy(k => k.Field).ThenBy(k => k.Level).ToList();
        var compared = _levels.Where(l => l.Key.Level != ComparisonLevel.Missing)
            .GroupBy(l => l.Key.Field)
            .ToDictionary(g => g.Key, g => (Same: g.Sum(l => l.Value.Same), Other: g.Sum(l => l.Value.Other), Random: g.Sum(l => l.Value.Random)));
        return keys.Select(k =>
        {
            var (same, other, random) = _levels.GetValueOrDefault(k);
            var totals = compared.GetValueOrDefault(k.Field);
            var weighed = k.Level != ComparisonLevel.Missing;
            return new LevelObservation(k.Field, k.Level, same, other, random)
            {
                Rules = rules.Find(k.Field)?.Levels.TryGetValue(k.Level, out var r) == true ? r : null,
                Estimated = estimate.Levels.GetValueOrDefault(k.Field)?.TryGetValue(k.Level, out var e) == true ? e : null,
                ObservedM = weighed ? Share(same, totals.Same) : null,
                ObservedUBlocked = weighed ? Share(other, totals.Other) : null,
                ObservedURandom = weighed ? Share(random, totals.Random) : null,
            };
        }).ToList();
    }

    /// <summary>
    /// Chance agreement: each level's share of the random pairs with a value on both sides, for every field that had
    /// any; what the estimate holds u at.
    /// </summary>
    public IReadOnlyDictionary<MatchField, IReadOnlyDictionary<ComparisonLevel, double>> ChanceAgreement() =>
        _levels.Where(l => l.Key.Level != ComparisonLevel.Missing && l.Value.Random > 0)
            .GroupBy(l => l.Key.Field)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<ComparisonLevel, double>)g.ToDictionary(l => l.Key.Level, l => (double)l.Value.Random / g.Sum(x => x.Value.Random)));

    private static double? Share(int count, int total) => total == 0 ? null : (double)count / total;
}
