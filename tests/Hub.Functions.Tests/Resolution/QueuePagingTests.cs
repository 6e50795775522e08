using System.Net;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.QueueFeeds;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// A queue of nine possible matches: seven civil-affairs records (five in street A, two in street B) queued together,
/// then two disability-federation records of street A with lower scores. Stewards page through it in small pages.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueuePagingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ResolutionHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        var streetA = Enumerable.Range(0, 5).Select(i => Pair(i)).ToList();
        var streetB = Enumerable.Range(5, 2).Select(i => Pair(i, inStreetB: true)).ToList();
        await _hub.PushAsync("police", Police([.. streetA, .. streetB]));
        await _hub.PushAsync("civil-affairs", CivilAffairs([.. streetA, .. streetB]));
        await _hub.PushAsync("disability-federation", DisabilityFederation(streetA.Take(2)));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Small_pages_oldest_first_show_every_item_once_and_the_total_on_every_page()
    {
        var pages = await AllPagesAsync(_hub.Steward, "pageSize=2");

        var items = pages.SelectMany(Items).ToList();
        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Equal(9, (int)p["total"]!));
        Assert.Equal(9, items.Select(i => (string?)i["recordKey"]).Distinct().Count());
        Assert.Equal(9, items.Count);
        Assert.Equal(Ordered(items, i => (DateTimeOffset)i["queuedAt"]!), items.Select(Key));
        Assert.Equal(["civil-affairs", "disability-federation"], items.Select(i => (string?)i["source"]).Distinct());
        Assert.Null((string?)pages[^1]["continuation"]);
    }

    [Fact]
    public async Task Sorted_by_score_the_highest_come_first_and_ties_go_in_record_key_order()
    {
        var pages = await AllPagesAsync(_hub.Steward, "sort=score&pageSize=4");

        var items = pages.SelectMany(Items).ToList();
        Assert.Equal(9, items.Count);
        Assert.Equal(Ordered(items, i => -(double)i["score"]!), items.Select(Key));
        Assert.True((double)items[0]["score"]! > (double)items[^1]["score"]!);
        Assert.Equal("disability-federation", (string?)items[^1]["source"]);
    }

    [Fact]
    public async Task Each_filter_narrows_the_items_and_the_total_alike()
    {
        var all = Items(await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=100")).ToList();
        var disability = all.Where(i => (string?)i["source"] == "disability-federation").ToList();
        var band = (double)disability[0]["score"]!;
        var second = Uri.EscapeDataString((string)disability[0]["queuedAt"]!);

        var bySource = await ResolutionHub.QueuePageAsync(_hub.Steward, "?source=disability-federation");
        var byBand = await ResolutionHub.QueuePageAsync(_hub.Steward, $"?minScore={band - 0.01}&maxScore={band + 0.01}");
        var after = await ResolutionHub.QueuePageAsync(_hub.Steward, $"?queuedAfter={second}");
        var before = await ResolutionHub.QueuePageAsync(_hub.Steward, $"?queuedBefore={second}&pageSize=100");

        Assert.Equal(disability.Select(Key).Order(), Items(bySource).Select(Key).Order());
        Assert.Equal(2, (int)bySource["total"]!);
        Assert.All(Items(byBand), i => Assert.Equal(band, (double)i["score"]!));
        Assert.Equal(all.Count(i => (double)i["score"]! == band), (int)byBand["total"]!);
        Assert.Equal(disability.Select(Key).Order(), Items(after).Select(Key).Order());
        Assert.Equal(7, (int)before["total"]!);
        Assert.All(Items(before), i => Assert.Equal("civil-affairs", (string?)i["source"]));
    }

    [Fact]
    public async Task Street_stewards_page_through_their_own_street_only_and_their_total_says_so()
    {
        using var stewardA = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-a", [HubRoles.DataSteward], StreetA));
        using var stewardB = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-b", [HubRoles.DataSteward], StreetB));

        var seenA = await AllPagesAsync(stewardA, "pageSize=3");
        var seenB = await AllPagesAsync(stewardB, "pageSize=3");

        Assert.All(seenA, p => Assert.Equal(7, (int)p["total"]!));
        Assert.All(seenB, p => Assert.Equal(2, (int)p["total"]!));
        var keysA = seenA.SelectMany(Items).Select(Key).ToList();
        var keysB = seenB.SelectMany(Items).Select(Key).ToList();
        Assert.Equal(7, keysA.Distinct().Count());
        Assert.Equal(2, keysB.Count);
        Assert.Empty(keysA.Intersect(keysB));
        Assert.All(seenB.SelectMany(Items), i => Assert.StartsWith("1101050040", (string)i["record"]!["residenceDivision"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_page_leaves_one_audit_event_naming_its_records_and_candidates()
    {
        var before = (await _hub.EventsAsync()).Count;

        var page = await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=2");

        var events = (await _hub.EventsAsync()).Skip(before).ToList();
        var audited = Assert.Single(events).Event;
        Assert.Equal("steward.queue", audited.Action.Value);
        Assert.Equal(AuditOutcome.Allowed, audited.Outcome);
        Assert.Equal(2, audited.RecordCount);
        var named = Items(page).SelectMany(i => i["candidates"]!.AsArray().Select(c => (string)c!["profile"]!["personKey"]!).Prepend(Key(i)));
        Assert.Equal(named.Distinct().Order(), audited.PersonKeys.Select(k => k.Value).Order());
    }

    [Fact]
    public async Task An_item_decided_between_pages_neither_repeats_nor_hides_another()
    {
        var first = await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=3");
        var everything = Items(await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=100")).Select(Key).ToList();

        await _hub.DecideAsync($"/api/resolution/records/{Key(Items(first).First())}/reject", new { reason = "不是同一人" });
        var next = await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=3&continuation=" + Uri.EscapeDataString((string)first["continuation"]!));

        Assert.Equal(everything.Skip(3).Take(3), Items(next).Select(Key));
        Assert.Equal(8, (int)next["total"]!);
    }

    [Fact]
    public async Task A_continuation_token_pages_on_only_for_its_steward_and_its_filters()
    {
        var token = Uri.EscapeDataString((string)(await ResolutionHub.QueuePageAsync(_hub.Steward, "?pageSize=2&source=civil-affairs"))["continuation"]!);
        using var colleague = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-other", [HubRoles.DataSteward], "110100000000"));

        using var same = await _hub.Steward.GetAsync(new Uri($"/api/resolution/queue?pageSize=5&source=civil-affairs&continuation={token}", UriKind.Relative));
        using var otherSort = await _hub.Steward.GetAsync(new Uri($"/api/resolution/queue?pageSize=2&source=civil-affairs&sort=score&continuation={token}", UriKind.Relative));
        using var otherFilter = await _hub.Steward.GetAsync(new Uri($"/api/resolution/queue?pageSize=2&continuation={token}", UriKind.Relative));
        using var otherSteward = await colleague.GetAsync(new Uri($"/api/resolution/queue?pageSize=2&source=civil-affairs&continuation={token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(5, Items(JsonNode.Parse(await same.Content.ReadAsStringAsync())!).Count());
        Assert.All([otherSort, otherFilter, otherSteward], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("continuation token", (string?)JsonNode.Parse(await otherSort.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
    }

    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string query)
    {
        var pages = new List<JsonNode>();
        string? continuation = null;
        do
        {
            var page = await ResolutionHub.QueuePageAsync(client, $"?{query}{(continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation))}");
            pages.Add(page);
            continuation = (string?)page["continuation"];
            Assert.True(pages.Count <= 20, "The pages do not end.");
        }
        while (continuation is not null);
        return pages;
    }

    private static IEnumerable<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!);

    private static string Key(JsonNode item) => (string)item["recordKey"]!;

    private static IEnumerable<string> Ordered<T>(IEnumerable<JsonNode> items, Func<JsonNode, T> by) =>
        items.OrderBy(by).ThenBy(Key, StringComparer.Ordinal).Select(Key);
}
