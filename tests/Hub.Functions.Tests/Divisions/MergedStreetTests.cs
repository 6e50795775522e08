using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Divisions;

/// <summary>
/// The shipped registry merges 光华路街道 (110105007) into 呼家楼街道 (110105003). A resident of 呼家楼's 永定社区 who
/// died while on the 低保 roll, and a resident of 建外's 光华里社区 who then moves to 永定社区: an officer, a subscriber and
/// a steward still placed at the old street's code are told, shown and reach what lies in its successor today, and the
/// change events name each division code they show.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MergedStreetTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OldStreet = "110105007000";
    private const string Successor = "110105003000";
    private const string Yongding = "110105003001";
    private const string City = "110100000000";

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await PushAsync("snapshot", (1, Yongding, "死亡", "2026-05-12"), (2, CommunityA1, "正常", null));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_subscription_on_the_old_street_code_is_told_of_a_move_into_its_successor_with_each_code_named()
    {
        var old = await SubscribeAsync(_hub.StreetOfficer(OldStreet, "guanghualu-officer"));
        var left = await SubscribeAsync(_hub.StreetOfficer(StreetA, "jianwai-officer"));

        await PushAsync("delta", (2, Yongding, "正常", null));
        var movedIn = Assert.Single(await PullAsync(old), e => (string?)e["type"] == "hub.person.residence-moved");
        var movedOut = Assert.Single(await PullAsync(left), e => (string?)e["type"] == "hub.person.residence-moved");

        Assert.Equal((_hub.KeyOf(2), "in"), ((string?)movedIn["subject"], (string?)movedIn["data"]!["direction"]));
        Assert.Equal("out", (string?)movedOut["data"]!["direction"]);
        var division = movedIn["data"]!["changes"]!["residenceDivision"]!;
        Assert.Equal(
            (CommunityA1, "光华里社区", "朝阳区 / 建外街道 / 光华里社区", Yongding, "永定社区", "朝阳区 / 呼家楼街道 / 永定社区"),
            ((string?)division["before"], (string?)division["beforeDivisionName"], (string?)division["beforeDivisionPath"],
             (string?)division["after"], (string?)division["afterDivisionName"], (string?)division["afterDivisionPath"]));
        Assert.Equal(division.ToJsonString(), movedOut["data"]!["changes"]!["residenceDivision"]!.ToJsonString());
    }

    [Fact]
    public async Task An_officer_on_the_old_street_code_lists_and_reads_the_worklist_items_of_its_successor()
    {
        using var old = _hub.StreetOfficer(OldStreet, "guanghualu-officer");
        using var successor = _hub.StreetOfficer(Successor, "hujialou-officer");
        using var elsewhere = _hub.StreetOfficer(StreetB, "street-b");

        var forOld = await ListAsync(old);
        var forSuccessor = await ListAsync(successor);

        var item = Assert.Single(forOld);
        Assert.Equal(("benefit-after-death", _hub.KeyOf(1)), ((string?)item["rule"], (string?)item["personKey"]));
        Assert.Equal((string?)item["id"], (string?)Assert.Single(forSuccessor)["id"]);
        Assert.Empty(await ListAsync(elsewhere));
        using var read = await old.GetAsync(new Uri($"/api/worklist/{item["id"]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_steward_on_the_old_street_code_reaches_a_person_of_its_successor_and_not_one_elsewhere()
    {
        using var steward = _hub.As("guanghualu-steward", HubRoles.DataSteward, OldStreet);

        using var inside = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(1)}", UriKind.Relative));
        using var outside = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(2)}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (inside.StatusCode, outside.StatusCode));
    }

    [Fact]
    public async Task The_auditors_event_search_names_the_users_division_beside_its_code()
    {
        using var steward = _hub.As("guanghualu-steward", HubRoles.DataSteward, OldStreet);
        using var looked = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(1)}", UriKind.Relative));
        using var auditor = _hub.As("auditor", HubRoles.Auditor, City);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture));

        using var response = await auditor.GetAsync(new Uri($"/api/audit/events?from={from}&to={to}&user=guanghualu-steward", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Assert.Single((await JsonAsync(response))["events"]!.AsArray())!;
        Assert.Equal((OldStreet, "光华路街道", "朝阳区 / 光华路街道"), ((string?)shown["division"], (string?)shown["divisionName"], (string?)shown["divisionPath"]));
    }

    // The police register (residence and registration alike) and, on the snapshot, the 低保 roll of both.
    private async Task PushAsync(string mode, params (int Index, string Community, string Status, string? Died)[] rows)
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n");
        var civil = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,终止日期,居住地区划代码,网格,联系电话,现住址\r\n");
        foreach (var (index, community, status, died) in rows)
        {
            police.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,H{index},户主,朝阳区幸福里{index}号,{community},户籍,{community},G01,{status},{died}\r\n");
            civil.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,城市低保,1250,2024/3/1,,{community},G01,13812345678,朝阳区幸福里{index}号\r\n");
        }

        var feeds = mode == "snapshot" ? new[] { ("police", police), ("civil-affairs", civil) } : [("police", police)];
        foreach (var (source, csv) in feeds)
        {
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", mode);
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    private static async Task<(HttpClient Client, string Id)> SubscribeAsync(HttpClient client)
    {
        using var response = await PostAsync(client, "/api/subscriptions", new { purpose = "benefit-review" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (string)(await JsonAsync(response))["id"]!);
    }

    private static async Task<List<JsonNode>> PullAsync((HttpClient Client, string Id) subscription)
    {
        using var response = await subscription.Client.GetAsync(new Uri($"/api/subscriptions/{subscription.Id}/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response))["events"]!.AsArray().Select(e => e!)];
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/worklist?status=open", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response))["items"]!.AsArray().Select(i => i!)];
    }
}
