using Hub.Core.Identity.Matching;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

/// <summary>Rules for the tests: the shipped file, and a small hand-written one whose every level has its own weight.</summary>
internal static class TestRules
{
    /// <summary>Every comparator on its field; m = 0.5 throughout so each weight is log2(0.5 / u) and easy to read.</summary>
    public const string AllComparators = """
        {
          // Comments are allowed, as in the shipped file.
          "thresholds": { "match": 20, "possibleMatch": 6 },
          "fields": [
            { "field": "name", "comparator": "jaroWinkler", "similarity": 0.8,
              "levels": { "exact": { "m": 0.5, "u": 0.001 }, "similar": { "m": 0.5, "u": 0.25 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "birthDate", "comparator": "date",
              "levels": { "exact": { "m": 0.5, "u": 0.0001 }, "partial": { "m": 0.5, "u": 0.125 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "sex", "comparator": "exact",
              "levels": { "exact": { "m": 0.5, "u": 0.25 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "residenceDivision", "comparator": "divisionPrefix",
              "levels": { "exact": { "m": 0.5, "u": 0.0625 }, "street": { "m": 0.5, "u": 0.125 }, "county": { "m": 0.5, "u": 0.25 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "registrationDivision", "comparator": "exact",
              "levels": { "exact": { "m": 0.5, "u": 0.25 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "residenceAddress", "comparator": "exact",
              "levels": { "exact": { "m": 0.5, "u": 0.001 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "phone", "comparator": "exact",
              "levels": { "exact": { "m": 0.5, "u": 0.001 }, "different": { "m": 0.5, "u": 1 } } },
            { "field": "residentId", "comparator": "idEvidence",
              "levels": { "exact": { "m": 0.5, "u": 0.0001 }, "oneEdit": { "m": 0.5, "u": 0.001 }, "prefix": { "m": 0.5, "u": 0.25 }, "different": { "m": 0.5, "u": 1 } } },
          ],
        }
        """;

    public static MatchRules Shipped { get; } = MatchRules.LoadFile(ShippedFiles.MatchingRules);

    public static PersonMatcher ComparatorMatcher { get; } = new(MatchRules.Parse(AllComparators));

    /// <summary>The comparison level <paramref name="field"/> gets between two records under <see cref="AllComparators"/>.</summary>
    public static ComparisonLevel Level(MatchField field, MatchRecord incoming, MatchRecord candidate) =>
        ComparatorMatcher.Compare(incoming, candidate).Single(c => c.Field == field).Level;
}
