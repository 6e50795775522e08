using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>Counts outcomes per label and comparison levels per field, while the harness runs.</summary>
internal sealed class QualityTallies
{
    private const string All = "all";

    private readonly HashSet<int> _twins;
    private readonly HashSet<int> _namesakes;
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal) { [All] = new int[8] };
    private readonly Dictionary<(MatchField Field, ComparisonLevel Level), (int Same, int Other, int Random)> _levels = [];

    public QualityTallies(Population population)
    {
        _twins = population.People.Where(p => p.TwinOf is not null).SelectMany(p => new[] { p.Number, p.TwinOf!.Value }).ToHashSet();
        _namesakes = population.People.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(p => p.Number)).ToHashSet();
    }

    public QualityBreakdown Totals => BreakdownOf(All);

    public IReadOnlyList<QualityBreakdown> Breakdown =>
        _counts.Keys.Where(k => k != All).OrderBy(Group).ThenBy(k => k, StringComparer.Ordinal).Select(BreakdownOf).ToList();

    public IReadOnlyList<LevelObservation> Levels =>
        _levels.OrderBy(l => l.Key.Field).ThenBy(l => l.Key.Level).Select(l => new LevelObservation(l.Key.Field, l.Key.Level, l.Value.Same, l.Value.Other, l.Value.Random)).ToList();

    public bool IsTwin(Person person) => _twins.Contains(person.Number);

    public bool HasNamesake(Person person) => _namesakes.Contains(person.Number);

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

    public void Count(IEnumerable<string> labels, RowOutcome outcome, bool known)
    {
        foreach (var label in labels.Prepend(All).Distinct(StringComparer.Ordinal))
        {
            if (!_counts.TryGetValue(label, out var counts))
            {
                _counts[label] = counts = new int[8];
            }

            counts[0]++;
            counts[1] += known ? 1 : 0;
            counts[(int)outcome + 1]++;
            if (outcome == RowOutcome.NewPerson && known)
            {
                counts[7]++;
            }
        }
    }

    private QualityBreakdown BreakdownOf(string label)
    {
        var c = _counts[label];
        return new QualityBreakdown(label, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static int Group(string label) => label.Split(' ')[0] switch
    {
        "source" => 0,
        "id" => 1,
        "with" => 2,
        _ => 3,
    };
}
