namespace Hub.Samples.Quality;

/// <summary>
/// Counts what happened to the rows without a usable ID, per label, once every feed is in. A row is findable when its
/// person has another record anywhere in the feeds; it is found when it ended in its person's home (the identified
/// person of their ID, or else the provisional person started by one of their records that holds most of them)
/// beside another of their records, or in that home when another of their records was queued with it (the steward
/// sees the two together), or was queued with that home among the candidates. So a row that arrives before the only
/// other record of its person, and is never joined or queued with it, counts as missed, whatever the order.
/// </summary>
internal sealed class QualityTallies
{
    private const string All = "all";
    private const int Columns = 11;

    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal) { [All] = new int[Columns] };

    public QualityBreakdown Totals => BreakdownOf(All);

    public IReadOnlyList<QualityBreakdown> Breakdown =>
        _counts.Keys.Where(k => k != All).OrderBy(RowLabels.Group).ThenBy(k => k, StringComparer.Ordinal).Select(BreakdownOf).ToList();

    /// <summary>Counts <paramref name="rows"/> against where the index left every person.</summary>
    public static QualityTallies Of(IEnumerable<MatchedRow> rows, PersonIndex index)
    {
        var homes = index.Homes();
        var records = index.RecordsPerTruth();
        var tallies = new QualityTallies();
        var matched = rows.ToList();
        var queuedBeside = matched.SelectMany(r => r.QueuedWith.Select(p => (r.Truth, p))).ToHashSet();
        foreach (var row in matched)
        {
            var findable = records[row.Truth] >= 2;
            var found = homes.TryGetValue(row.Truth, out var home)
                && ((row.Person == home.Person && (home.Records >= 2 || queuedBeside.Contains((row.Truth, home.Person)))) || row.QueuedWith.Contains(home.Person));
            tallies.Count(row, findable, found);
        }

        return tallies;
    }

    private void Count(MatchedRow row, bool findable, bool found)
    {
        foreach (var label in row.Labels.Prepend(All))
        {
            if (!_counts.TryGetValue(label, out var counts))
            {
                _counts[label] = counts = new int[Columns];
            }

            counts[0]++;
            counts[1] += row.KnownOnArrival ? 1 : 0;
            counts[2] += findable ? 1 : 0;
            counts[3] += found ? 1 : 0;
            counts[(int)row.Outcome + 3]++;
            counts[9] += row.Outcome == RowOutcome.NewPerson && row.KnownOnArrival ? 1 : 0;
            counts[10] += row.KnownOnArrival && row.ArrivalOutcome is RowOutcome.LinkedCorrectly or RowOutcome.QueuedWithTruth ? 1 : 0;
        }
    }

    private QualityBreakdown BreakdownOf(string label)
    {
        var c = _counts[label];
        return new QualityBreakdown(label, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]) { FoundOnArrival = c[10] };
    }
}
