using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>
/// What the Hub does with feeds arriving one batch each, in a given order, as <c>PersonResolver</c> does it: a batch's
/// rows with a valid ID are merged first (linked by their person key); then its rows without one are matched in feed
/// order against everything the index holds by then, earlier batches and this one's earlier decisions. A match adds
/// the row to its person; anything else makes it a provisional person of its own (beside the steward's queue for a
/// possible match) that later rows can match. After each batch, as <c>ProvisionalMatcher</c> does, every provisional
/// person indexed under a blocking key of the batch's rows is matched again against everything indexed by then, so a
/// row that arrived before the identified row of its person still finds it.
/// </summary>
internal sealed class HubSimulation(PersonMatcher matcher, int seed, LevelTallies? levels)
{
    // Comparisons of each matching row with records drawn at random from the index: the u of Fellegi–Sunter as the
    // textbook defines it (chance agreement between different people), beside the u among blocked candidates.
    private const int RandomPairsPerRow = 100;

    /// <summary>Simulates <paramref name="feeds"/> in the order given.</summary>
    public (PersonIndex Index, IReadOnlyList<MatchedRow> Rows) Run(IEnumerable<ReadFeed> feeds)
    {
        var index = new PersonIndex();
        var indexed = new List<(int Truth, MatchRecord Record)>();
        var matched = new List<MatchedRow>();
        var random = new Random(seed);
        foreach (var feed in feeds)
        {
            foreach (var row in feed.Rows.Where(r => r.Reading.Kind == RowKind.Keyed))
            {
                index.Link(row.Reading.Person!.Value, row.Reading.Record!, row.Row.Person.Number, identified: true);
                indexed.Add((row.Row.Person.Number, row.Reading.Record!));
            }

            foreach (var row in feed.Rows.Where(r => r.Reading.Kind == RowKind.ForMatching))
            {
                var truth = row.Row.Person.Number;
                var record = row.Reading.Record!;
                var candidates = index.Candidates(record);
                if (levels is not null)
                {
                    Observe(levels, index, indexed, random, truth, record, candidates);
                }

                var decision = matcher.Evaluate(record, candidates);
                var outcome = decision.Outcome switch
                {
                    MatchOutcome.Match when index.TruthOf(decision.MatchedPerson!.Value) == truth => RowOutcome.LinkedCorrectly,
                    MatchOutcome.Match => RowOutcome.LinkedWrongly,
                    MatchOutcome.PossibleMatch when decision.Candidates.Any(c => index.TruthOf(c.Person) == truth) => RowOutcome.QueuedWithTruth,
                    MatchOutcome.PossibleMatch => RowOutcome.QueuedWithoutTruth,
                    _ => RowOutcome.NewPerson,
                };
                var known = index.Holds(truth);
                PersonKey person;
                if (decision.MatchedPerson is { } matchedPerson)
                {
                    person = matchedPerson;
                    index.Link(person, record, truth);
                }
                else
                {
                    person = index.CreateProvisional(record, truth);
                }

                indexed.Add((truth, record));
                IReadOnlyList<PersonKey> queuedWith = decision.Outcome == MatchOutcome.PossibleMatch ? [.. decision.Candidates.Select(c => c.Person)] : [];
                matched.Add(new MatchedRow(row.Labels, truth, outcome, known, person, queuedWith));
            }

            MatchAgain(index, matched, feed.Rows.Where(r => r.Reading.Record is not null).SelectMany(r => BlockingKeys.For(r.Reading.Record!)).ToHashSet(StringComparer.Ordinal));
        }

        return (index, matched);
    }

    // The provisional persons the batch's rows could be a candidate for, matched again as if they arrived last.
    private void MatchAgain(PersonIndex index, List<MatchedRow> matched, IReadOnlySet<string> keys)
    {
        foreach (var (person, records) in index.ProvisionalUnder(keys))
        {
            if (!index.Contains(person))
            {
                continue;
            }

            var best = records
                .Select(r => matcher.Evaluate(r, index.Candidates(r).Where(c => c.Person != person).ToList()))
                .OrderByDescending(d => d.Outcome == MatchOutcome.Match ? 2 : d.Outcome == MatchOutcome.PossibleMatch ? 1 : 0)
                .ThenByDescending(d => d.Score ?? 0)
                .First();
            for (var i = 0; i < matched.Count; i++)
            {
                if (matched[i].Person != person)
                {
                    continue;
                }

                matched[i] = best.Outcome switch
                {
                    MatchOutcome.Match => matched[i] with
                    {
                        Person = best.MatchedPerson!.Value,
                        QueuedWith = [],
                        Outcome = index.TruthOf(best.MatchedPerson!.Value) == matched[i].Truth ? RowOutcome.LinkedCorrectly : RowOutcome.LinkedWrongly,
                    },
                    MatchOutcome.PossibleMatch => matched[i] with
                    {
                        QueuedWith = [.. best.Candidates.Select(c => c.Person)],
                        Outcome = best.Candidates.Any(c => index.TruthOf(c.Person) == matched[i].Truth) ? RowOutcome.QueuedWithTruth : RowOutcome.QueuedWithoutTruth,
                    },
                    _ => matched[i],
                };
            }

            if (best.MatchedPerson is { } golden)
            {
                index.Merge(person, golden);
            }
        }
    }

    private void Observe(LevelTallies tallies, PersonIndex index, List<(int Truth, MatchRecord Record)> indexed, Random random, int truth, MatchRecord record, IReadOnlyList<MatchCandidate> candidates)
    {
        tallies.Observe(matcher.Rank(record, candidates), person => index.TruthOf(person) == truth);
        for (var i = 0; i < RandomPairsPerRow && indexed.Count > 0; i++)
        {
            var (otherTruth, other) = indexed[random.Next(indexed.Count)];
            if (otherTruth != truth)
            {
                tallies.ObserveRandomPair(matcher.Compare(record, other));
            }
        }
    }
}
