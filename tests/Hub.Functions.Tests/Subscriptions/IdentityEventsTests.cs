using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Resolution;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>A record kept without a usable ID, linked to a person by the matcher, is reported as identities merged: the person, and the key now theirs.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class IdentityEventsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Merged = ["hub.identity.merged"];

    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_record_matched_on_arrival_is_reported_linked_to_its_person()
    {
        var id = Id("11010519800512031");
        var (officer, subscription) = await SubscribeAsync();
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(id), "陈明", "男", "1980-05-12", phone: "13800138000"));

        var merged = Assert.Single(await PullAsync(officer, subscription));
        Assert.Equal(_hub.KeyOf(id), (string?)merged["subject"]);
        Assert.Equal(await _hub.UnidentifiedKeyAsync("civil-affairs"), (string?)merged["data"]!["linkedKey"]);
        Assert.Equal("/hub/sources/civil-affairs", (string?)merged["source"]);
    }

    [Fact]
    public async Task A_provisional_person_joined_when_their_register_record_arrives_is_reported_once()
    {
        var id = Id("11010519800512031");
        var (officer, subscription) = await SubscribeAsync();
        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "陈 明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        var merged = Assert.Single(await PullAsync(officer, subscription));
        Assert.Equal((_hub.KeyOf(id), record), ((string?)merged["subject"], (string?)merged["data"]!["linkedKey"]));
    }

    private async Task<(HttpClient Officer, string Id)> SubscribeAsync()
    {
        var officer = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("district-officer", [HubRoles.DistrictOfficer], "110105000000"));
        using var created = await officer.PostAsJsonAsync(new Uri("/api/subscriptions", UriKind.Relative), new { types = Merged });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (officer, (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!);
    }

    private static async Task<List<JsonNode>> PullAsync(HttpClient officer, string id)
    {
        using var response = await officer.GetAsync(new Uri($"/api/subscriptions/{id}/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["events"]!.AsArray().Select(e => e!)];
    }
}
