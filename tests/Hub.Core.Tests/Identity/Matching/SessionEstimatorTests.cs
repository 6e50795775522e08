using Hub.Core.Identity.Matching;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class SessionEstimatorTests
{
    private static readonly MatchRules Start = MatchRules.Parse("""
        { "thresholds": { "match": 10, "possibleMatch": 5 }, "fields": [
          { "field": "name", "comparator": "foldedName", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } },
          { "field": "birthDate", "comparator": "exact", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } },
          { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } },
          { "field": "residenceAddress", "comparator": "exact", "levels": { "exact": { "m": 0.7, "u": 0.2 }, "different": { "m": 0.3, "u": 0.8 } } } ] }
        """);

    // Chance agreement, as random pairs would measure it.
    private static readonly Dictionary<MatchField, IReadOnlyDictionary<ComparisonLevel, double>> Chance = new()
    {
        [MatchField.Name] = Agreeing(0.01),
        [MatchField.BirthDate] = Agreeing(0.001),
        [MatchField.Phone] = Agreeing(0.0001),
        [MatchField.ResidenceAddress] = Agreeing(0.001),
    };

    [Fact]
    public void Sessions_per_blocking_key_recover_m_and_weigh_agreement_against_chance_not_against_what_blocking_made_agree()
    {
        // Candidates are found by a name key or a birth-date key: the same person when either agrees (name m 0.9,
        // birth date m 0.95, phone m 0.8, address m 0.7), and other people because one of them agrees, which
        // blocking, not the person, made them do.
        var random = new Random(20251207);
        var pairs = new List<IReadOnlyList<FieldComparison>>();
        for (var i = 0; i < 40_000; i++)
        {
            bool name, birth, phone, address;
            if (random.NextDouble() < 0.05)
            {
                (name, birth, phone, address) = (random.NextDouble() < 0.9, random.NextDouble() < 0.95, random.NextDouble() < 0.8, random.NextDouble() < 0.7);
                if (!name && !birth)
                {
                    continue;
                }
            }
            else
            {
                var byName = random.NextDouble() < 0.5;
                (name, birth, phone, address) = (byName || random.NextDouble() < 0.01, !byName || random.NextDouble() < 0.001, random.NextDouble() < 0.0001, random.NextDouble() < 0.001);
            }

            pairs.Add([Level(MatchField.Name, name), Level(MatchField.BirthDate, birth), Level(MatchField.Phone, phone), Level(MatchField.ResidenceAddress, address)]);
        }

        var sessions = SessionEstimator.Estimate(pairs, Start, Chance, [new(MatchField.Name, [MatchField.Name]), new(MatchField.BirthDate, [MatchField.BirthDate])]);
        var pooled = WeightEstimator.Estimate(pairs, Start);

        Assert.Equal(2, sessions.Sessions.Count);
        Assert.Equal(0.9, sessions.Levels[MatchField.Name][ComparisonLevel.Exact].M, 0.03);
        Assert.Equal(0.95, sessions.Levels[MatchField.BirthDate][ComparisonLevel.Exact].M, 0.03);
        Assert.Equal(0.8, sessions.Levels[MatchField.Phone][ComparisonLevel.Exact].M, 0.03);
        Assert.Equal(0.01, sessions.Levels[MatchField.Name][ComparisonLevel.Exact].U, 10);

        // One estimate over every pair sees half the names agree, because a name key found half the pairs.
        Assert.InRange(pooled.Levels[MatchField.Name][ComparisonLevel.Exact].U, 0.3, 0.7);
        Assert.True(sessions.Levels[MatchField.Name][ComparisonLevel.Exact].Weight > pooled.Levels[MatchField.Name][ComparisonLevel.Exact].Weight + 4);
    }

    [Fact]
    public void A_field_every_session_leaves_out_keeps_the_rules_m()
    {
        IReadOnlyList<FieldComparison> pair = [Level(MatchField.Name, true), Level(MatchField.BirthDate, true), Level(MatchField.Phone, false)];

        var estimate = SessionEstimator.Estimate([pair, pair], Start, Chance, [new(MatchField.Name, [MatchField.Name])]);

        Assert.Equal(0.7, estimate.Levels[MatchField.Name][ComparisonLevel.Exact].M);
        Assert.Equal(2, estimate.Sessions[0].Pairs);
    }

    [Fact]
    public void A_session_takes_only_pairs_that_agree_on_its_field_and_have_something_else_to_compare()
    {
        var session = new EstimationSession(MatchField.Name, [MatchField.Name, MatchField.BirthDate]);
        var missing = new FieldComparison(MatchField.Phone, ComparisonLevel.Missing, 0);

        Assert.True(session.Takes([Level(MatchField.Name, true), Level(MatchField.Phone, false)]));
        Assert.False(session.Takes([Level(MatchField.Name, false), Level(MatchField.Phone, true)]));
        Assert.False(session.Takes([Level(MatchField.Name, true), Level(MatchField.BirthDate, true), missing]));
        Assert.Equal([MatchField.Phone], session.Remaining([Level(MatchField.Name, true), Level(MatchField.BirthDate, true), missing]).Select(c => c.Field));
    }

    private static Dictionary<ComparisonLevel, double> Agreeing(double share) =>
        new Dictionary<ComparisonLevel, double> { [ComparisonLevel.Exact] = share, [ComparisonLevel.Different] = 1 - share };

    private static FieldComparison Level(MatchField field, bool agree) => new(field, agree ? ComparisonLevel.Exact : ComparisonLevel.Different, 0);
}
