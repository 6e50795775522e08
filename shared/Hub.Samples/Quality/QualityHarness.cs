using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>
/// Simulates what the Hub does with the four departments' feeds of a generated population and scores the result
/// against the truth: rows with a valid ID are linked by it and form the person index; rows without a usable ID
/// are matched, in feed order, against candidates found by <see cref="BlockingKeys"/>. A match adds the row to its
/// person, no match starts a provisional person that later rows can match, a possible match waits for a steward.
/// </summary>
public static class QualityHarness
{
    private static readonly MistakeKind[] IdProblems =
    [
        MistakeKind.MissingId, MistakeKind.ScientificNotation, MistakeKind.MistypedIdDigit, MistakeKind.WrongCheckCharacter,
        MistakeKind.DroppedCheckCharacter, MistakeKind.MissingRequiredValue,
    ];

    // Comparisons of each matching row with records of people drawn at random: the u of Fellegi–Sunter as the
    // textbook defines it (chance agreement between different people), beside the u among blocked candidates.
    private const int RandomPairsPerRow = 100;

    /// <summary>Generates the quality preset's population and feeds and measures <paramref name="rules"/> on them.</summary>
    public static QualityReport Run(QualityOptions options, MatchRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        var population = new PopulationGenerator(QualityPreset.Population(options)).Generate();
        var feeds = ShippedSources.Ids.Select(id => FeedWriter.Compose(population, ShippedSources.Get(id), QualityPreset.Feed(id))).ToList();
        return Run(options, population, feeds, rules);
    }

    /// <summary>Measures <paramref name="rules"/> on feeds already cut from <paramref name="population"/>.</summary>
    public static QualityReport Run(QualityOptions options, Population population, IReadOnlyList<SampleFeed> feeds, MatchRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(rules);

        // Any pepper will do: the keys never leave the process.
        var pepper = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("hub quality harness")));
        var hasher = new PersonKeyHasher(Microsoft.Extensions.Options.Options.Create(new PersonKeyOptions { Pepper = pepper }));
        var index = new PersonIndex();
        var pending = new List<(SampleFeed Feed, SampleRow Row, MatchRecord Record)>();
        var keyedRecords = new List<(int Truth, MatchRecord Record)>();
        int records = 0, keyed = 0, rejected = 0;
        foreach (var feed in feeds)
        {
            var reader = new HubRowReader(feed.Source, hasher, population.Options.ReferenceDate);
            foreach (var row in feed.Rows)
            {
                records++;
                var reading = reader.Read(row);
                switch (reading.Kind)
                {
                    case RowKind.Keyed:
                        index.Link(reading.Person!.Value, reading.Record!, row.Person.Number);
                        keyedRecords.Add((row.Person.Number, reading.Record!));
                        keyed++;
                        break;
                    case RowKind.ForMatching:
                        pending.Add((feed, row, reading.Record!));
                        break;
                    default:
                        rejected++;
                        break;
                }
            }
        }

        var tallies = new QualityTallies(population);
        var matcher = new PersonMatcher(rules);
        var random = new Random(options.Seed);
        foreach (var (feed, row, record) in pending)
        {
            var truth = row.Person.Number;
            var candidates = index.Candidates(record);
            tallies.Observe(matcher.Rank(record, candidates), person => index.TruthOf(person) == truth);
            for (var i = 0; i < RandomPairsPerRow && keyedRecords.Count > 0; i++)
            {
                var (otherTruth, other) = keyedRecords[random.Next(keyedRecords.Count)];
                if (otherTruth != truth)
                {
                    tallies.ObserveRandomPair(matcher.Compare(record, other));
                }
            }

            var decision = matcher.Evaluate(record, candidates);
            var known = index.Holds(truth);
            var outcome = decision.Outcome switch
            {
                MatchOutcome.Match when index.TruthOf(decision.MatchedPerson!.Value) == truth => RowOutcome.LinkedCorrectly,
                MatchOutcome.Match => RowOutcome.LinkedWrongly,
                MatchOutcome.PossibleMatch when decision.Candidates.Any(c => index.TruthOf(c.Person) == truth) => RowOutcome.QueuedWithTruth,
                MatchOutcome.PossibleMatch => RowOutcome.QueuedWithoutTruth,
                _ => RowOutcome.NewPerson,
            };
            tallies.Count(Labels(feed, row, tallies), outcome, known);

            if (decision.Outcome == MatchOutcome.Match)
            {
                index.Link(decision.MatchedPerson!.Value, record, index.TruthOf(decision.MatchedPerson.Value));
            }
            else if (decision.Outcome == MatchOutcome.NoMatch)
            {
                index.CreateProvisional(record, truth);
            }
        }

        return new QualityReport
        {
            Options = options,
            Records = records,
            KeyedRecords = keyed,
            RejectedRecords = rejected,
            Totals = tallies.Totals,
            Breakdown = tallies.Breakdown,
            Levels = tallies.Levels,
        };
    }

    private static IEnumerable<string> Labels(SampleFeed feed, SampleRow row, QualityTallies tallies)
    {
        yield return $"source {feed.Source.Id}";
        var idColumn = feed.Source.ResidentIdField.Column;
        foreach (var mistake in row.Mistakes)
        {
            yield return mistake.Column == idColumn && IdProblems.Contains(mistake.Kind) ? $"id {mistake.Kind}" : $"with {mistake.Kind}";
        }

        if (tallies.IsTwin(row.Person))
        {
            yield return "twins";
        }

        if (tallies.HasNamesake(row.Person))
        {
            yield return "namesakes";
        }
    }
}
