using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

/// <summary>Twin brothers, same birth date, sex and community, names one character apart: a record without an ID that names one of them goes to a steward.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MatchQueueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Jianguo = Id("11010519900303011");
    private static readonly string Jianhua = Id("11010519900303031");

    private readonly ResolutionHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Jianguo, "王建国", "男"), new PoliceRow(Jianhua, "王建华", "男", Relation: "子")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "王建国", "男", "1990-03-03"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_record_resembling_twins_waits_in_the_queue_with_the_record_beside_both_candidates()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        var queue = await _hub.QueueAsync();

        var item = Assert.Single(queue)!;
        Assert.Equal(record, (string?)item["recordKey"]);
        Assert.Equal("civil-affairs", (string?)item["source"]);
        Assert.Equal("王建国", (string?)item["record"]!["name"]);
        Assert.Equal("1990-03-03", (string?)item["record"]!["birthDate"]);
        var candidates = item["candidates"]!.AsArray();
        Assert.Equal([_hub.KeyOf(Jianguo), _hub.KeyOf(Jianhua)], candidates.Select(c => (string?)c!["profile"]!["personKey"]));
        Assert.True((double)candidates[0]!["score"]! > (double)candidates[1]!["score"]!);
        Assert.Equal("王建国", (string?)candidates[0]!["profile"]!["attributes"]!["name"]!["value"]);
        Assert.Equal("exact", Level(candidates[0]!, "name"));
        Assert.Equal("similar", Level(candidates[1]!, "name"));
        Assert.Equal("exact", Level(candidates[1]!, "birthDate"));
    }

    [Fact]
    public async Task A_steward_of_another_street_neither_sees_the_record_nor_decides_about_it()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        using var here = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-here", [HubRoles.DataSteward], "110105003000"));
        using var elsewhere = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-elsewhere", [HubRoles.DataSteward], "110105004000"));

        var seenHere = (await ResolutionHub.QueuePageAsync(here, string.Empty))["items"]!.AsArray();
        var seenElsewhere = (await ResolutionHub.QueuePageAsync(elsewhere, string.Empty))["items"]!.AsArray();
        using var link = await elsewhere.PostAsJsonAsync(new Uri($"/api/resolution/records/{record}/link", UriKind.Relative), new { personKey = _hub.KeyOf(Jianguo), reason = "same" });

        Assert.Equal(record, (string?)Assert.Single(seenHere)!["recordKey"]);
        Assert.Empty(seenElsewhere);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Single(await _hub.QueueAsync());
    }

    [Fact]
    public async Task A_queued_record_is_its_own_provisional_person_until_a_steward_decides()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        var profile = await _hub.ProfileAsync(record);
        var twin = await _hub.ProfileAsync(_hub.KeyOf(Jianguo));

        Assert.Equal(record, (string?)profile["personKey"]);
        Assert.True((bool)profile["provisional"]!);
        Assert.Empty(twin["linkedKeys"]!.AsArray());
        var possible = Assert.Single(await _hub.HistoryAsync(record))!;
        Assert.Equal("possible-match", (string?)possible["action"]);
        Assert.Equal("auto", (string?)possible["decider"]);
    }

    [Fact]
    public async Task A_steward_links_a_queued_record_and_the_profile_gains_it()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        var person = _hub.KeyOf(Jianguo);

        var result = await _hub.DecideAsync($"/api/resolution/records/{record}/link", new { personKey = person, reason = "同一低保卡号" });

        Assert.Equal(person, (string?)result["golden"]);
        var profile = await _hub.ProfileAsync(person);
        Assert.Equal([record], profile["linkedKeys"]!.AsArray().Select(k => (string?)k));
        Assert.Contains("civil-affairs", profile["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Single(profile["memberships"]!.AsArray(), m => (string?)m!["group"] == "dibao");
        Assert.Empty((await _hub.ProfileAsync(_hub.KeyOf(Jianhua)))["linkedKeys"]!.AsArray());
        Assert.Empty(await _hub.QueueAsync());
        var link = Assert.Single(await _hub.HistoryAsync(person), h => (string?)h!["action"] == "link")!;
        Assert.Equal(record, (string?)link["personKey"]);
        Assert.Equal("manual", (string?)link["decider"]);
        Assert.Equal(ResolutionHub.StewardId, (string?)link["decidedBy"]);
        Assert.Equal("同一低保卡号", (string?)link["reason"]);
    }

    [Fact]
    public async Task A_rejected_record_stays_a_person_of_its_own_and_leaves_the_queue()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        await _hub.DecideAsync($"/api/resolution/records/{record}/reject", new { reason = "不是本辖区的王建国" });

        var profile = await _hub.ProfileAsync(record);
        Assert.Equal(record, (string?)profile["personKey"]);
        Assert.True((bool)profile["provisional"]!);
        Assert.Empty(await _hub.QueueAsync());
        Assert.Empty((await _hub.ProfileAsync(_hub.KeyOf(Jianguo)))["linkedKeys"]!.AsArray());
        var reject = Assert.Single(await _hub.HistoryAsync(record), h => (string?)h!["action"] == "reject")!;
        Assert.Equal("manual", (string?)reject["decider"]);
        Assert.Equal(ResolutionHub.StewardId, (string?)reject["decidedBy"]);
    }

    [Fact]
    public async Task A_rejected_record_pushed_again_is_neither_linked_nor_queued_again()
    {
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        await _hub.DecideAsync($"/api/resolution/records/{record}/reject", new { reason = "不是本辖区的王建国" });

        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "王建国", "男", "1990-03-03", amount: "1300", phone: "13800138001"));

        Assert.Equal(record, await _hub.UnidentifiedKeyAsync("civil-affairs"));
        Assert.Empty(await _hub.QueueAsync());
        var profile = await _hub.ProfileAsync(record);
        Assert.Equal(record, (string?)profile["personKey"]);
        Assert.Equal("1300", (string?)profile["memberships"]![0]!["details"]!["assistanceAmount"]);
        Assert.Empty((await _hub.ProfileAsync(_hub.KeyOf(Jianguo)))["linkedKeys"]!.AsArray());
        Assert.Empty((await _hub.ProfileAsync(_hub.KeyOf(Jianhua)))["linkedKeys"]!.AsArray());
        Assert.Equal(["possible-match", "reject"], (await _hub.HistoryAsync(record)).Select(h => (string?)h!["action"]));
    }

    private static string? Level(JsonNode candidate, string field) =>
        (string?)candidate["fields"]!.AsArray().Single(f => (string?)f!["field"] == field)!["level"];
}
