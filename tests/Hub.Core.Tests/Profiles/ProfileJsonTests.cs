using System.Text.Json.Nodes;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Profiles;

public sealed class ProfileJsonTests
{
    [Fact]
    public void Stored_profiles_leave_out_empty_lists_and_false_flags_but_keep_conflicts()
    {
        var rules = ProfileRules.Load(ShippedFiles.ProfileRules);
        var builder = new ProfileBuilder(rules, HouseholdKey.HmacSha256(new byte[32]));
        var at = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var police = new FactView("police", string.Empty, new Dictionary<string, string> { ["name"] = "陈明", ["registrationDivision"] = "110105003002" }, "b1", at, null, at);
        var civil = new FactView("civil-affairs", "dibao", new Dictionary<string, string> { ["name"] = "陳明", ["assistanceType"] = "dibao", ["validFrom"] = "2024-03-01" }, "b2", at, null, at);

        var json = JsonNode.Parse(ProfileJson.Serialize(builder.Build(PersonKey.Parse(new string('a', 32)), [police, civil], new DateOnly(2026, 1, 5))))!;

        Assert.Equal("陳明", (string?)json["attributes"]!["name"]!["conflicts"]![0]!["value"]);
        Assert.True((bool?)json["attributes"]!["name"]!["hasConflicts"]);
        Assert.Null(json["problems"]);
        Assert.Null(json["isDeceased"]);
        Assert.Equal("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", (string?)json["personKey"]);
        Assert.Equal("dibao", (string?)json["memberships"]![0]!["group"]);
    }
}
