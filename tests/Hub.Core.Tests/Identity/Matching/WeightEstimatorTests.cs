using Hub.Core.Identity.Matching;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class WeightEstimatorTests
{
    // A start deliberately far from the truth below, with the classes the right way round.
    private static readonly MatchRules Start = MatchRules.Parse("""
        { "thresholds": { "match": 10, "possibleMatch": 5 }, "fields": [
          { "field": "name", "comparator": "foldedName", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } },
          { "field": "birthDate", "comparator": "exact", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } },
          { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } } ] }
        """);

    [Fact]
    public void Expectation_maximisation_recovers_the_m_u_and_share_the_pairs_were_drawn_with()
    {
        var random = new Random(20251205);
        var pairs = new List<IReadOnlyList<FieldComparison>>();
        for (var i = 0; i < 40_000; i++)
        {
            var same = random.NextDouble() < 0.3;
            pairs.Add(
            [
                Draw(MatchField.Name, same ? 0.95 : 0.05),
                Draw(MatchField.BirthDate, same ? 0.9 : 0.1),
                random.NextDouble() < 0.5 ? new FieldComparison(MatchField.Phone, ComparisonLevel.Missing, 0) : Draw(MatchField.Phone, same ? 0.8 : 0.01),
            ]);
        }

        var estimate = WeightEstimator.Estimate(pairs, Start);

        Assert.True(estimate.Converged);
        Assert.Equal(0.3, estimate.MatchShare, 0.01);
        Assert.Equal(0.95, estimate.Levels[MatchField.Name][ComparisonLevel.Exact].M, 0.02);
        Assert.Equal(0.05, estimate.Levels[MatchField.Name][ComparisonLevel.Exact].U, 0.02);
        Assert.Equal(0.9, estimate.Levels[MatchField.BirthDate][ComparisonLevel.Exact].M, 0.02);
        Assert.Equal(0.8, estimate.Levels[MatchField.Phone][ComparisonLevel.Exact].M, 0.03);
        Assert.Equal(0.01, estimate.Levels[MatchField.Phone][ComparisonLevel.Exact].U, 0.01);

        FieldComparison Draw(MatchField field, double agree) => random.NextDouble() < agree
            ? new FieldComparison(field, ComparisonLevel.Exact, 0)
            : new FieldComparison(field, ComparisonLevel.Different, 0);
    }

    [Fact]
    public void A_field_no_pair_has_a_value_for_keeps_the_rules_probabilities()
    {
        IReadOnlyList<FieldComparison> pair =
        [
            new(MatchField.Name, ComparisonLevel.Exact, 0), new(MatchField.BirthDate, ComparisonLevel.Exact, 0), new(MatchField.Phone, ComparisonLevel.Missing, 0),
        ];

        var estimate = WeightEstimator.Estimate([pair, pair], Start);

        Assert.Equal(new LevelWeights(0.7, 0.2), estimate.Levels[MatchField.Phone][ComparisonLevel.Exact]);
    }

    [Fact]
    public void No_probability_reaches_zero_so_an_unseen_level_never_vetoes_a_pair()
    {
        IReadOnlyList<FieldComparison> agree = [new(MatchField.Name, ComparisonLevel.Exact, 0), new(MatchField.BirthDate, ComparisonLevel.Exact, 0)];

        var estimate = WeightEstimator.Estimate([agree, agree, agree], Start);

        Assert.All(estimate.Levels.Values.SelectMany(l => l.Values), w => Assert.True(w.M > 0 && w.U > 0));
    }
}
