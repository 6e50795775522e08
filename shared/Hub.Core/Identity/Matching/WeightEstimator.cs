namespace Hub.Core.Identity.Matching;

/// <summary>
/// Estimates the Fellegi–Sunter m and u of every comparison level from candidate pairs whose truth is unknown, by
/// expectation–maximisation over a two-class mixture with fields independent given the class (Winkler's method, as
/// the record-linkage literature and Splink use it). A missing value says nothing and is left out of both steps.
/// </summary>
/// <remarks>
/// The estimate starts from the rules' own m and u, so the classes keep their meaning (the class with the high m is
/// "same person"); probabilities are kept away from 0 and 1 so that a level never seen does not veto a pair.
/// </remarks>
public static class WeightEstimator
{
    private const double Floor = 1e-6;

    /// <summary>
    /// Estimates m, u and the share of same-person pairs from <paramref name="pairs"/> (each the field comparisons of
    /// one candidate pair), starting from <paramref name="rules"/>.
    /// </summary>
    public static WeightEstimate Estimate(IReadOnlyList<IReadOnlyList<FieldComparison>> pairs, MatchRules rules, int maxIterations = 200, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(rules);

        // Every (field, level) the rules weigh is one slot; a pair is the slots it was observed at.
        var slots = rules.Fields.SelectMany(f => f.Levels.Keys.Select(l => (f.Field, Level: l))).ToList();
        var slotOf = slots.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var fieldOf = slots.Select(s => s.Field).ToArray();
        var m = rules.Fields.SelectMany(f => f.Levels.Values.Select(w => w.M)).ToArray();
        var u = rules.Fields.SelectMany(f => f.Levels.Values.Select(w => w.U)).ToArray();
        var observed = pairs
            .Select(p => p.Where(c => c.Level != ComparisonLevel.Missing && slotOf.ContainsKey((c.Field, c.Level))).Select(c => slotOf[(c.Field, c.Level)]).ToArray())
            .ToArray();

        var share = 0.1;
        var same = new double[observed.Length];
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;

            // E: the probability that each pair is the same person, under the current estimate.
            var logM = Array.ConvertAll(m, Math.Log);
            var logU = Array.ConvertAll(u, Math.Log);
            for (var i = 0; i < observed.Length; i++)
            {
                double a = Math.Log(share), b = Math.Log(1 - share);
                foreach (var slot in observed[i])
                {
                    a += logM[slot];
                    b += logU[slot];
                }

                same[i] = 1 / (1 + Math.Exp(b - a));
            }

            // M: m and u as each level's share of its field, among the pairs weighted by that probability.
            var sameCounts = new double[slots.Count];
            var otherCounts = new double[slots.Count];
            for (var i = 0; i < observed.Length; i++)
            {
                foreach (var slot in observed[i])
                {
                    sameCounts[slot] += same[i];
                    otherCounts[slot] += 1 - same[i];
                }
            }

            var nextShare = observed.Length == 0 ? share : Math.Clamp(same.Average(), Floor, 1 - Floor);
            var change = Math.Max(Math.Abs(nextShare - share), Math.Max(Update(m, sameCounts, fieldOf), Update(u, otherCounts, fieldOf)));
            share = nextShare;
            converged = change < tolerance;
        }

        var levels = slots.Select((s, i) => (s.Field, s.Level, Weights: new LevelWeights(m[i], u[i])))
            .GroupBy(x => x.Field)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ComparisonLevel, LevelWeights>)g.ToDictionary(x => x.Level, x => x.Weights));
        return new WeightEstimate(share, levels, iterations, converged);
    }

    // Replaces each field's probabilities by its levels' shares of the weighted counts; returns the largest change. A
    // field no pair had a value for keeps its probabilities.
    private static double Update(double[] probabilities, double[] counts, MatchField[] fieldOf)
    {
        var change = 0.0;
        foreach (var field in fieldOf.Distinct())
        {
            var total = 0.0;
            for (var i = 0; i < counts.Length; i++)
            {
                total += fieldOf[i] == field ? counts[i] : 0;
            }

            for (var i = 0; i < counts.Length && total > 0; i++)
            {
                if (fieldOf[i] == field)
                {
                    var next = Math.Clamp(counts[i] / total, Floor, 1 - Floor);
                    change = Math.Max(change, Math.Abs(next - probabilities[i]));
                    probabilities[i] = next;
                }
            }
        }

        return change;
    }
}
