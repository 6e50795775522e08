using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>
/// Simulates what the Hub does with the four departments' feeds of a generated population (<see cref="HubSimulation"/>)
/// and scores the result against the truth (<see cref="QualityTallies"/>): precision of automatic links, the share
/// of findable rows found, the steward queue; for one order of the feeds, and for every order when asked.
/// </summary>
public static class QualityHarness
{
    /// <summary>Generates the preset's population and feeds and measures <paramref name="rules"/> on them, in <see cref="QualityOptions.FeedOrder"/>.</summary>
    public static QualityReport Run(QualityOptions options, MatchRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        var population = new PopulationGenerator(QualityPreset.Population(options)).Generate();
        var feeds = QualityPreset.Feeds(options, population);
        var unknown = options.FeedOrder.Except(feeds.Select(f => f.Source.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || options.FeedOrder.Count != options.FeedOrder.Distinct(StringComparer.Ordinal).Count())
        {
            throw new ArgumentException($"The feed order must name each of {string.Join(", ", feeds.Select(f => f.Source.Id))} at most once.", nameof(options));
        }

        return Run(options, population, [.. options.FeedOrder.Select(id => feeds.Single(f => f.Source.Id == id))], rules);
    }

    /// <summary>Measures <paramref name="rules"/> on feeds already cut from <paramref name="population"/>, arriving in the order given.</summary>
    public static QualityReport Run(QualityOptions options, Population population, IReadOnlyList<SampleFeed> feeds, MatchRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(rules);

        var read = Read(options, population, feeds);
        var records = read.Sum(f => f.Rows.Count);
        var levels = new LevelTallies();
        var (index, rows) = new HubSimulation(new PersonMatcher(rules), options.Seed, levels).Run(read);
        var tallies = QualityTallies.Of(rows, index);
        var estimate = SessionEstimator.Estimate(levels.Pairs, rules, levels.ChanceAgreement(), EstimationSessions);
        return new QualityReport
        {
            Options = options,
            Order = [.. feeds.Select(f => f.Source.Id)],
            Targets = QualityTargets.Of(options.Preset),
            Records = records,
            KeyedRecords = Count(read, RowKind.Keyed),
            RejectedRecords = Count(read, RowKind.Rejected),
            RepeatedRecords = Count(read, RowKind.Repeated),
            Totals = tallies.Totals,
            Breakdown = tallies.Breakdown,
            Levels = levels.Levels(rules, estimate),
            EstimateSessions = [.. estimate.Sessions.Select(e => Session(e, levels))],
            Orders = options.AllOrders ? Orders(options, read, rules, records) : [],
        };
    }

    // The kinds of key blocking finds candidates by (BlockingKeys): the name's sound within a county, the birth date
    // alone, and the phone. Pairs found by one agree on its fields; a given name mostly says the sex as well, so the
    // name's session leaves the sex out too, and the county its key holds (the divisions' coarsest level).
    private static readonly EstimationSession[] EstimationSessions =
    [
        new(MatchField.Name, [MatchField.Name, MatchField.Sex, MatchField.ResidenceDivision, MatchField.RegistrationDivision]),
        new(MatchField.BirthDate, [MatchField.BirthDate]),
        new(MatchField.Phone, [MatchField.Phone]),
    ];

    private static LevelEstimateSession Session(SessionEstimate estimate, LevelTallies levels)
    {
        var same = levels.Pairs.Select((p, i) => (Pair: p, Same: levels.Same[i]))
            .Where(p => estimate.Session.Takes(p.Pair))
            .Count(p => p.Same);
        return new LevelEstimateSession(
            estimate.Session.Agreeing,
            estimate.Session.Conditioned,
            estimate.Pairs,
            estimate.Estimate.MatchShare,
            estimate.Pairs == 0 ? 0 : (double)same / estimate.Pairs,
            estimate.Estimate.Iterations,
            estimate.Estimate.Converged);
    }

    // Every order is simulated from the same rows, read once; the orders are independent, so they run side by side.
    private static List<FeedOrderResult> Orders(QualityOptions options, IReadOnlyList<ReadFeed> read, MatchRules rules, int records) =>
        FeedOrders.Of(read)
            .AsParallel().AsOrdered()
            .Select(order =>
            {
                var (index, rows) = new HubSimulation(new PersonMatcher(rules), options.Seed, levels: null).Run(order);
                var totals = QualityTallies.Of(rows, index).Totals;
                return new FeedOrderResult([.. order.Select(f => f.Feed.Source.Id)], totals, QualityReport.Per10000(totals.Queued, records));
            })
            .ToList();

    private static List<ReadFeed> Read(QualityOptions options, Population population, IReadOnlyList<SampleFeed> feeds)
    {
        // Any pepper will do: the keys never leave the process.
        var pepper = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("hub quality harness")));
        var hasher = new PersonKeyHasher(Microsoft.Extensions.Options.Options.Create(new PersonKeyOptions { Pepper = pepper }));
        var labels = new RowLabels(population, options.WithoutIds);
        return feeds.Select(feed =>
        {
            var reader = new HubRowReader(QualityPreset.Reading(options, feed.Source), hasher, population.Options.ReferenceDate);
            return new ReadFeed(feed, [.. feed.Rows.Select(row => new ReadRow(row, reader.Read(row), labels.Of(feed, row)))]);
        }).ToList();
    }

    private static int Count(IReadOnlyList<ReadFeed> read, RowKind kind) => read.Sum(f => f.Rows.Count(r => r.Reading.Kind == kind));
}
