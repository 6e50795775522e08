using Hub.Core.Identity.Matching;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class MatchRulesTests
{
    [Fact]
    public void The_shipped_rules_load_and_compare_every_field()
    {
        var rules = MatchRules.LoadFile(ShippedFiles.MatchingRules);

        Assert.Equal(Enum.GetValues<MatchField>().ToHashSet(), rules.Fields.Select(f => f.Field).ToHashSet());
        Assert.True(rules.MatchThreshold > rules.PossibleMatchThreshold);
        Assert.All(rules.Fields, f => Assert.Equal(MatchFieldRule.LevelsOf(f.Comparator).ToHashSet(), f.Levels.Keys.ToHashSet()));
    }

    [Fact]
    public void The_shipped_rules_weigh_agreement_for_and_disagreement_against_the_same_person()
    {
        Assert.All(TestRules.Shipped.Fields, f =>
        {
            Assert.True(f.WeightOf(ComparisonLevel.Exact) > 0, $"{f.Field}: exact agreement must count for a match");
            Assert.True(f.WeightOf(ComparisonLevel.Different) < 0, $"{f.Field}: disagreement must count against a match");
            Assert.Equal(0, f.WeightOf(ComparisonLevel.Missing));
        });
    }

    [Fact]
    public void Parsed_rules_keep_thresholds_comparators_and_weights()
    {
        var rules = MatchRules.Parse(TestRules.AllComparators);

        Assert.Equal(20, rules.MatchThreshold);
        Assert.Equal(6, rules.PossibleMatchThreshold);
        var name = rules.Find(MatchField.Name)!;
        Assert.Equal(MatchComparator.JaroWinkler, name.Comparator);
        Assert.Equal(0.8, name.Similarity);
        Assert.Equal(new LevelWeights(0.5, 0.25), name.Levels[ComparisonLevel.Similar]);
        Assert.Equal(1.0, name.WeightOf(ComparisonLevel.Similar), 10);
    }

    [Fact]
    public void The_rival_threshold_is_the_possible_match_threshold_unless_the_file_sets_it()
    {
        const string Phone = """{ "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } }""";

        var unset = MatchRules.Parse($$"""{ "thresholds": { "match": 20, "possibleMatch": 10 }, "fields": [ {{Phone}} ] }""");
        var set = MatchRules.Parse($$"""{ "thresholds": { "match": 20, "possibleMatch": 10, "rival": 15 }, "fields": [ {{Phone}} ] }""");

        Assert.Equal(10, unset.RivalThreshold);
        Assert.Equal(15, set.RivalThreshold);
    }

    [Theory]
    [InlineData("""{ "thresholds": { "match": 5, "possibleMatch": 8 }, "fields": [ {{PHONE}} ] }""", "'possibleMatch' (8) must be below 'match' (5)")]
    [InlineData("""{ "thresholds": { "match": 5, "possibleMatch": 5 }, "fields": [ {{PHONE}} ] }""", "'possibleMatch' (5) must be below 'match' (5)")]
    [InlineData("""{ "thresholds": { "match": 20, "possibleMatch": 10, "rival": 8 }, "fields": [ {{PHONE}} ] }""", "'rival' (8) must be at least 'possibleMatch' (10) and below 'match' (20)")]
    [InlineData("""{ "thresholds": { "match": 20, "possibleMatch": 10, "rival": 20 }, "fields": [ {{PHONE}} ] }""", "'rival' (20) must be at least 'possibleMatch' (10) and below 'match' (20)")]
    [InlineData("""{ "thresholds": { "match": 5 }, "fields": [ {{PHONE}} ] }""", "both 'match' and 'possibleMatch' are required")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [] }""", "at least one field")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "soundex", "levels": {} } ] }""", "field 'phone': unknown comparator 'soundex'")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "date", "levels": {} } ] }""", "field 'phone': comparator 'date' cannot compare it (use one of: exact)")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "nickname", "comparator": "exact", "levels": {} } ] }""", "fields[0]: unknown field 'nickname'")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "jaroWinkler", "similarity": 0.9, "levels": {} } ] }""", "field 'phone': comparator 'jaroWinkler' cannot compare it (use one of: exact)")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 } } } ] }""", "field 'phone': level 'different' needs 'm' and 'u'")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 }, "street": { "m": 0.1, "u": 0.1 } } } ] }""", "field 'phone': level 'street' is not one comparator 'exact' produces")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 }, "missing": { "m": 0.5, "u": 0.5 } } } ] }""", "field 'phone': level 'missing' is not one comparator 'exact' produces")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 1.5, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } } ] }""", "field 'phone': level 'exact' needs probabilities 'm' and 'u' greater than 0 and at most 1")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0 }, "different": { "m": 0.1, "u": 0.99 } } } ] }""", "field 'phone': level 'exact' needs probabilities")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "name", "comparator": "jaroWinkler", "levels": {} } ] }""", "field 'name': comparator 'jaroWinkler' needs a 'similarity' threshold")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "similarity": 0.9, "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } } ] }""", "field 'phone': 'similarity' applies only to comparators 'jaroWinkler' and 'pinyin'")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ {{PHONE}}, {{PHONE}} ] }""", "field 'phone': compared twice")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "fields": [ { "field": "phone", "comparator": "exact", "blocksAutoMatch": ["partial"], "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } } ] }""", "field 'phone': blocksAutoMatch names level 'partial', which comparator 'exact' does not produce")]
    public void Invalid_rules_are_refused_with_a_message_that_names_the_problem(string json, string expected)
    {
        const string phone = """{ "field": "phone", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } }""";

        var error = Assert.Throws<InvalidDataException>(() => MatchRules.Parse(json.Replace("{{PHONE}}", phone, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_that_block_an_automatic_link_are_read()
    {
        var rules = MatchRules.Parse("""
            { "thresholds": { "match": 9, "possibleMatch": 5 },
              "fields": [ { "field": "sex", "comparator": "exact", "blocksAutoMatch": ["different"],
                            "levels": { "exact": { "m": 0.99, "u": 0.5 }, "different": { "m": 0.01, "u": 0.5 } } } ] }
            """);

        Assert.Equal([ComparisonLevel.Different], rules.Find(MatchField.Sex)!.BlocksAutoMatch);
        Assert.Null(rules.Find(MatchField.Phone));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var error = Assert.Throws<InvalidDataException>(() => MatchRules.Parse("""
            { "thresholds": { "match": 1, "possibleMatch": 2 },
              "fields": [ { "field": "sex", "comparator": "fuzzy" }, { "field": "birthDate", "comparator": "divisionPrefix" } ] }
            """));

        Assert.Contains("'possibleMatch' (2) must be below 'match' (1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("field 'sex': unknown comparator 'fuzzy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("field 'birthDate': comparator 'divisionPrefix' cannot compare it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "thresholds": { "match": 9, "possibleMatch": 5 }, "feilds": [] }""")]
    [InlineData("null")]
    public void Text_that_is_not_a_rules_document_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => MatchRules.Parse(json));
    }

    [Fact]
    public void A_bad_file_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "thresholds": { "match": 1, "possibleMatch": 2 }, "fields": [] }""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => MatchRules.LoadFile(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
