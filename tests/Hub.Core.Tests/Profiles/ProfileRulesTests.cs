using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Profiles;

public sealed class ProfileRulesTests
{
    private const string Minimal = """
        {
          // The smallest useful rules: police names people and places them.
          "attributes": { "name": { "survivorship": "authoritative", "sources": ["police"] } },
          "residence": { "division": "residenceDivision", "from": [{ "source": "police" }] },
          "registration": { "division": "registrationDivision", "from": [{ "source": "police" }] },
        }
        """;

    [Fact]
    public void The_shipped_rules_load_with_the_survivorship_groups_and_places_the_design_asks_for()
    {
        var rules = ShippedRules.Load();

        Assert.Equal(["police"], rules.RuleFor("name").Sources);
        Assert.Equal(Survivorship.MostRecent, rules.RuleFor("phone").Survivorship);
        Assert.Equal(["disability-federation"], rules.RuleFor("disabilityGrade").Sources);
        Assert.Equal(Survivorship.MostRecent, rules.RuleFor("someAttributeNoRuleNames").Survivorship);
        Assert.Equal(SurvivorshipFallback.None, rules.RuleFor("personStatus").Fallback);
        Assert.Equal(
            ["dibao", "disability", "elderly-alone", "extreme-poverty", "low-income", "public-housing", "rent-subsidy", "severe-mental-illness", "temporary-assistance"],
            rules.Groups.Select(g => g.Group).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["police", "housing-security", "police"], rules.Residence.From.Select(f => f.Source));
        Assert.Equal(8, rules.UtcOffsetHours);
        Assert.Empty(ProfileRules.Validate(rules));
    }

    [Fact]
    public void The_shipped_rules_name_only_attributes_and_codes_the_shipped_mappings_define()
    {
        var catalog = SourceCatalog.Load(ShippedFiles.SourcesFolder);

        Assert.Empty(ShippedRules.Load().CheckAgainst(catalog));
    }

    [Fact]
    public void A_misspelt_attribute_or_code_for_an_onboarded_source_is_caught_and_a_future_source_is_not_checked()
    {
        var catalog = SourceCatalog.Load(ShippedFiles.SourcesFolder);
        var rules = ShippedRules.Load() with
        {
            Groups =
            [
                new GroupRule { Group = "dibao", Source = "civil-affairs", Attribute = "assistanceType", Values = ["di-bao"] },
                new GroupRule { Group = "disability", Source = "disability-federation", Attribute = "disabilityCategory", Details = ["disabilityGrad"] },
                new GroupRule { Group = "veterans", Source = "veterans-affairs", Attribute = "anything", Values = ["x"] },
            ],
        };

        var errors = rules.CheckAgainst(catalog);

        Assert.Equal(2, errors.Count);
        Assert.Contains("groups[0] 'dibao': 'di-bao' is not a code of source 'civil-affairs' for attribute 'assistanceType'", errors);
        Assert.Contains("groups[1] 'disability'.details: source 'disability-federation' does not map attribute 'disabilityGrad'", errors);
    }

    [Fact]
    public void Minimal_rules_with_comments_and_a_trailing_comma_load_with_defaults()
    {
        var rules = ProfileRules.Parse(Minimal);

        Assert.Empty(rules.Groups);
        Assert.Equal("householdNumber", rules.Household.Number);
        Assert.Equal(SurvivorshipFallback.None, rules.Residence.Fallback);
        Assert.Equal(SurvivorshipFallback.MostRecent, rules.RuleFor("name").Fallback);
    }

    [Theory]
    [InlineData("""{ "name": { "survivorship": "authoritative" } }""", "attributes.name: authoritative survivorship needs at least one source")]
    [InlineData("""{ "name": { "survivorship": "authoritative", "sources": ["Police"] } }""", "attributes.name.sources: 'Police' is not a source id")]
    [InlineData("""{ "name": { "survivorship": "authoritative", "sources": ["police", "police"] } }""", "attributes.name.sources: source 'police' is listed twice")]
    [InlineData("""{ "phone": { "survivorship": "mostRecent", "sources": ["police"] } }""", "attributes.phone: mostRecent survivorship takes neither sources nor a fallback")]
    [InlineData("""{ "Phone Number": { "survivorship": "mostRecent" } }""", "attributes.Phone Number: 'Phone Number' is not an attribute name")]
    public void An_invalid_attribute_rule_is_refused_with_an_error_naming_it(string attributes, string expected)
    {
        var json = Minimal.Replace("""{ "name": { "survivorship": "authoritative", "sources": ["police"] } }""", attributes, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "group": "Dibao", "source": "civil-affairs" }""", "groups[0]: group id must be")]
    [InlineData("""{ "group": "dibao", "source": "民政" }""", "groups[0] 'dibao'.source: '民政' is not a source id")]
    [InlineData("""{ "group": "dibao", "source": "civil-affairs", "values": ["dibao"] }""", "groups[0] 'dibao': values are given without the attribute they are values of")]
    [InlineData("""{ "group": "dibao", "source": "civil-affairs", "details": ["救助金额"] }""", "groups[0] 'dibao'.details: '救助金额' is not an attribute name")]
    public void An_invalid_group_rule_is_refused_with_an_error_naming_it(string group, string expected)
    {
        var json = Minimal.Replace("\"residence\":", $"\"groups\": [{group}],\n  \"residence\":", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_group_defined_twice_for_the_same_facts_is_refused()
    {
        var group = """{ "group": "dibao", "source": "civil-affairs", "attribute": "assistanceType", "values": ["dibao"] }""";
        var json = Minimal.Replace("\"residence\":", $"\"groups\": [{group}, {group}],\n  \"residence\":", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse(json));

        Assert.Contains("groups: group 'dibao' is defined twice for the same facts of source 'civil-affairs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_no_fact_could_ever_give_is_refused()
    {
        var json = Minimal.Replace("""{ "division": "registrationDivision", "from": [{ "source": "police" }] }""", """{ "division": "registrationDivision" }""", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse(json));

        Assert.Contains("registration: names no source and no fallback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_place_rules_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse("""{ "attributes": {} }"""));

        Assert.Contains("residence", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fallbak\": \"none\"", "fallbak")]
    [InlineData("\"survivorship\": \"oldest\"", "survivorship")]
    public void A_misspelt_property_or_unknown_value_is_an_error_not_a_silent_default(string replacement, string expected)
    {
        var json = Minimal.Replace("\"sources\": [\"police\"] }", $"\"sources\": [\"police\"], {replacement} }}", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Parse(json, "test document"));

        Assert.StartsWith("The test document is not valid:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rules_file_is_named_in_the_error()
    {
        var file = ShippedFiles.Beside("rules/no-such-rules.json");

        var error = Assert.Throws<InvalidDataException>(() => ProfileRules.Load(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_builder_refuses_rules_built_in_code_that_do_not_validate()
    {
        var rules = ProfileRules.Parse(Minimal) with { UtcOffsetHours = 20 };

        var error = Assert.Throws<ArgumentException>(() => new ProfileBuilder(rules, HouseholdKey.HmacSha256(ShippedRules.Pepper)));

        Assert.Contains("utcOffsetHours", error.Message, StringComparison.Ordinal);
    }
}
