using Hub.Core.Checks;
using Hub.Core.Tests.Profiles;

namespace Hub.Core.Tests.Checks;

public sealed class CheckRulesTests
{
    private const string Valid = """
        {
          // a comment, as in every rules file
          "checks": [
            {
              "id": "benefit-after-death",
              "title": { "zh-CN": "死亡人员仍享受救助待遇", "en": "Assistance after death" },
              "owner": "civil-affairs",
              "when": { "status": ["deceased"], "membership": { "groups": ["dibao"], "state": "statedActiveAfterStatus", "grace": "endOfMonth" } }
            }
          ]
        }
        """;

    [Fact]
    public void The_shipped_checks_load_and_name_the_four_contradictions_with_their_owners()
    {
        var checks = ShippedChecks.Load();

        Assert.Equal(
            [("benefit-after-death", "civil-affairs"), ("benefit-after-move-out", "civil-affairs"), ("disability-certificate-expired", "disability-federation"), ("tenant-in-another-tenants-household", "housing-security")],
            checks.Checks.Select(c => (c.Id, c.Owner)));
        Assert.All(checks.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Title.ZhCn) || string.IsNullOrWhiteSpace(c.Title.En)));
    }

    [Fact]
    public void A_valid_document_reads_with_its_condition()
    {
        var check = Assert.Single(CheckRules.Parse(Valid, ShippedRules.Load()).Checks);

        Assert.Equal((MembershipState.StatedActiveAfterStatus, StatusGrace.EndOfMonth), (check.When.Membership!.State, check.When.Membership.Grace));
        Assert.Equal(["deceased"], check.When.Status);
    }

    [Theory]
    [InlineData("\"groups\": [\"dibao\"]", "\"groups\": [\"dibaoo\"]", "checks[benefit-after-death].when.membership.groups: 'dibaoo' is no group of the profile rules")]
    [InlineData("\"status\": [\"deceased\"]", "\"status\": [\"dead\"]", "checks[benefit-after-death].when.status: 'dead' is none of")]
    [InlineData("\"status\": [\"deceased\"]", "\"status\": []", "checks[benefit-after-death].when.membership.state: statedActiveAfterStatus needs \"status\" to list only deceased or movedOut")]
    [InlineData("\"owner\": \"civil-affairs\"", "\"owner\": \"Civil Affairs\"", "checks[benefit-after-death].owner: must be a source id")]
    [InlineData("\"en\": \"Assistance after death\"", "\"en\": \" \"", "checks[benefit-after-death].title: needs both \"zh-CN\" and \"en\"")]
    [InlineData("\"id\": \"benefit-after-death\"", "\"id\": \"Benefit After Death\"", ".id: must be 2 to 60 lower-case letters")]
    public void A_bad_check_is_refused_with_an_error_that_names_the_check_and_the_key(string from, string to, string expected)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CheckRules.Parse(json, ShippedRules.Load(), "checks file 'checks.json'"));

        Assert.Contains("checks file 'checks.json' is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_checks_with_one_id_are_refused()
    {
        var json = Valid.Replace("\"checks\": [", "\"checks\": [" + Valid[(Valid.IndexOf('[', StringComparison.Ordinal) + 1)..Valid.LastIndexOf(']')] + ",", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CheckRules.Parse(json, ShippedRules.Load()));

        Assert.Contains("checks[benefit-after-death].id: is used by an earlier check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_a_default()
    {
        var json = Valid.Replace("\"grace\"", "\"graec\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CheckRules.Parse(json, ShippedRules.Load()));

        Assert.Contains("graec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => CheckRules.Load("/nowhere/checks.json", ShippedRules.Load()));

        Assert.Contains("'/nowhere/checks.json' does not exist", error.Message, StringComparison.Ordinal);
    }
}
