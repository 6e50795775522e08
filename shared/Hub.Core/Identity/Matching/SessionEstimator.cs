namespace Hub.Core.Identity.Matching;

/// <summary>
/// Estimates m from unlabelled candidate pairs as Splink does, one expectation–maximisation session per kind of
/// blocking key (an <see cref="EstimationSession"/>), each leaving out the fields its key holds; u is chance agreement,
/// measured on pairs drawn at random, which is what the rules' u means.
/// </summary>
/// <remarks>
/// One estimate over every candidate pair at once goes wrong on blocked data: the pairs agree on a name or a birth
/// date far more often than chance because blocking chose them, so the mixture takes agreement that blocking made for
/// the same person. Within a session the fields its key holds are left out, and so are pairs with nothing else to
/// compare, which would only drag the share. Each session estimates m and u among its own pairs with
/// <see cref="WeightEstimator"/>; its u is conditioned on the key (namesakes agree on a sex far more often than
/// chance), so only its m is kept. A field's m is the average over the sessions that do not leave it out, weighted by
/// the same-person pairs each estimated with a value for it. What remains wrong is what the fields share beyond the
/// key: twins agree on a birth date and an address, namesakes of one generation on a birth year. Each session's share
/// of same-person pairs shows it.
/// </remarks>
public static class SessionEstimator
{
    private const double Floor = 1e-6;

    /// <summary>Runs <paramref name="sessions"/> over <paramref name="pairs"/> and combines them.</summary>
    /// <param name="pairs">The field comparisons of each candidate pair.</param>
    /// <param name="rules">Which levels each field has, and where each session starts; a field no session estimates keeps the rules' m, and its u when <paramref name="chance"/> lacks it.</param>
    /// <param name="chance">Field → level → share among random pairs with a value on both sides: the u returned.</param>
    /// <param name="sessions">The sessions, one per kind of blocking key.</param>
    public static SessionWeightEstimate Estimate(
        IReadOnlyList<IReadOnlyList<FieldComparison>> pairs,
        MatchRules rules,
        IReadOnlyDictionary<MatchField, IReadOnlyDictionary<ComparisonLevel, double>> chance,
        IReadOnlyList<EstimationSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(chance);
        ArgumentNullException.ThrowIfNull(sessions);

        var results = new List<SessionEstimate>(sessions.Count);
        var weighted = new Dictionary<(MatchField Field, ComparisonLevel Level), (double Sum, double Weight)>();
        foreach (var session in sessions)
        {
            var taken = pairs.Where(session.Takes).Select(session.Remaining).ToList();
            var estimate = WeightEstimator.Estimate(taken, rules);
            results.Add(new SessionEstimate(session, taken.Count, estimate));
            foreach (var rule in rules.Fields.Where(f => !session.Conditioned.Contains(f.Field)))
            {
                // The same-person pairs this session saw with a value for the field: how much its m is worth.
                var weight = estimate.MatchShare * taken.Count(p => p.Any(c => c.Field == rule.Field && c.Level != ComparisonLevel.Missing));
                foreach (var (level, weights) in estimate.Levels[rule.Field])
                {
                    var (sum, total) = weighted.GetValueOrDefault((rule.Field, level));
                    weighted[(rule.Field, level)] = (sum + (weight * weights.M), total + weight);
                }
            }
        }

        var levels = rules.Fields.ToDictionary(
            f => f.Field,
            f => (IReadOnlyDictionary<ComparisonLevel, LevelWeights>)f.Levels.ToDictionary(
                l => l.Key,
                l => new LevelWeights(
                    weighted.GetValueOrDefault((f.Field, l.Key)) is { Weight: > 0 } m ? Math.Max(m.Sum / m.Weight, Floor) : l.Value.M,
                    chance.GetValueOrDefault(f.Field) is { } u ? Math.Clamp(u.GetValueOrDefault(l.Key), Floor, 1 - Floor) : l.Value.U)));
        return new SessionWeightEstimate(levels, results);
    }
}
