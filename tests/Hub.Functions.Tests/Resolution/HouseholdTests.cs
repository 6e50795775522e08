using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

[Collection(AzuriteFixture.Collection)]
public sealed class HouseholdTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Head = Id("11010519400101011");
    private static readonly string Spouse = Id("11010519420202022");
    private static readonly string Neighbour = Id("11010519500505031");

    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_household_lists_the_members_police_registered_under_one_number_with_relations_and_groups()
    {
        await _hub.PushAsync("police", Police(
            new PoliceRow(Head, "李国强", "男", Household: "7", Relation: "户主"),
            new PoliceRow(Spouse, "张秀英", "女", Household: "7", Relation: "妻"),
            new PoliceRow(Neighbour, "赵军", "男", Household: "8", Relation: "户主")));
        await _hub.PushAsync("disability-federation", DisabilityFederation(Spouse, "张秀英", "女"));

        var household = System.Text.Json.Nodes.JsonNode.Parse(
            await _hub.Steward.GetStringAsync(new Uri($"/api/profiles/{_hub.KeyOf(Spouse)}/household", UriKind.Relative)))!;

        var members = household["members"]!.AsArray();
        Assert.Equal([_hub.KeyOf(Head), _hub.KeyOf(Spouse)], members.Select(m => (string?)m!["profile"]!["personKey"]));
        Assert.Equal(["head", "spouse"], members.Select(m => (string?)m!["profile"]!["relationToHead"]));
        Assert.Equal(_hub.KeyOf(Head), (string?)household["head"]!["profile"]!["personKey"]);
        Assert.Empty(members[0]!["activeMemberships"]!.AsArray());
        Assert.Equal("disability", (string?)Assert.Single(members[1]!["activeMemberships"]!.AsArray())!["group"]);
        Assert.True((bool)household["hasDisabledMember"]!);
        Assert.Equal(2, (int)household["presentMemberCount"]!);
    }

    [Fact]
    public async Task Both_members_see_the_same_household()
    {
        await _hub.PushAsync("police", Police(
            new PoliceRow(Head, "李国强", "男", Household: "7", Relation: "户主"),
            new PoliceRow(Spouse, "张秀英", "女", Household: "7", Relation: "妻")));

        var fromHead = System.Text.Json.Nodes.JsonNode.Parse(await _hub.Steward.GetStringAsync(new Uri($"/api/profiles/{_hub.KeyOf(Head)}/household", UriKind.Relative)))!;
        var fromSpouse = System.Text.Json.Nodes.JsonNode.Parse(await _hub.Steward.GetStringAsync(new Uri($"/api/profiles/{_hub.KeyOf(Spouse)}/household", UriKind.Relative)))!;

        Assert.Equal((string?)fromHead["key"], (string?)fromSpouse["key"]);
        Assert.Equal(2, fromHead["members"]!.AsArray().Count);
        Assert.Equal(2, fromSpouse["members"]!.AsArray().Count);
    }
}
