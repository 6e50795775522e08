using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Audit;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>
/// Residents of two streets, then a police delta: two deaths (one per street) and a move from street A to street B.
/// Each street office's subscription gets what its area and the policy allow, by cursor, replayable, audited.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ChangeFeedTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OldAddress = "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1203";
    private const string NewAddress = "北京市朝阳区朝外街道芙蓉里社区朝阳路8号院2号楼3单元0401";
    private const string DiedOn = "2026-11-01";

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await PushPoliceAsync(
        "snapshot",
        (1, CommunityA1, "正常", null, OldAddress),
        (2, CommunityB1, "正常", null, OldAddress),
        (3, CommunityA1, "正常", null, OldAddress));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Each_street_office_gets_the_deaths_and_moves_of_its_area_and_nothing_about_anyone_else()
    {
        var (a, b) = (await SubscribeAsync(_hub.StreetOfficer(StreetA), "benefit-review"), await SubscribeAsync(_hub.StreetOfficer(StreetB, subject: "officer-b"), "benefit-review"));

        await PushDeltaAsync();
        var pageA = await PullAsync(a.Client, a.Id);
        var pageB = await PullAsync(b.Client, b.Id);

        var (r1, r2, r3) = (_hub.KeyOf(1), _hub.KeyOf(2), _hub.KeyOf(3));
        Assert.Equal([r1, r3], Subjects(pageA));
        Assert.Equal([r2, r3], Subjects(pageB));
        var death = Assert.Single(Events(pageA), e => (string?)e["type"] == "hub.person.deceased");
        Assert.Equal(("1.0", "/hub/sources/police", r1, "application/json"), ((string?)death["specversion"], (string?)death["source"], (string?)death["subject"], (string?)death["datacontenttype"]));
        Assert.Equal((DiedOn, "deceased"), ((string?)death["data"]!["effectiveDate"], (string?)death["data"]!["changes"]!["personStatus"]!["after"]));
        var ended = Assert.Single(Events(pageA), e => (string?)e["type"] == "hub.membership.ended");
        Assert.Equal(("dibao", "deceased", "2026-11-02"), ((string?)ended["data"]!["group"], (string?)ended["data"]!["reason"], (string?)ended["data"]!["effectiveDate"]));
        var movedOut = Assert.Single(Events(pageA), e => (string?)e["type"] == "hub.person.residence-moved");
        var movedIn = Assert.Single(Events(pageB), e => (string?)e["type"] == "hub.person.residence-moved");
        Assert.Equal((string?)movedOut["id"], (string?)movedIn["id"]);
        Assert.Equal(("out", "in"), ((string?)movedOut["data"]!["direction"], (string?)movedIn["data"]!["direction"]));
        Assert.Equal((CommunityA1, CommunityB1), ((string?)movedIn["data"]!["changes"]!["residenceDivision"]!["before"], (string?)movedIn["data"]!["changes"]!["residenceDivision"]!["after"]));
    }

    [Fact]
    public async Task A_field_the_subscriber_may_not_read_never_appears_and_a_purpose_opens_it()
    {
        var plain = await SubscribeAsync(_hub.StreetOfficer(StreetB, subject: "officer-b"));
        var visiting = await SubscribeAsync(_hub.StreetOfficer(StreetB, subject: "officer-b2"), "home-visit");

        await PushDeltaAsync();
        using var plainResponse = await plain.Client.GetAsync(new Uri($"/api/subscriptions/{plain.Id}/events", UriKind.Relative));
        var plainText = await plainResponse.Content.ReadAsStringAsync();
        var visitingPage = await PullAsync(visiting.Client, visiting.Id);

        Assert.Equal(HttpStatusCode.OK, plainResponse.StatusCode);
        Assert.Contains("hub.person.residence-moved", plainText, StringComparison.Ordinal);
        Assert.DoesNotContain("residenceAddress", plainText, StringComparison.Ordinal);
        Assert.DoesNotContain(NewAddress, plainText, StringComparison.Ordinal);
        Assert.DoesNotContain(OldAddress, plainText, StringComparison.Ordinal);

        // Without a purpose the 低保 roll's assistance type (conditional) is hidden, so its membership events are too.
        Assert.Contains("hub.person.deceased", plainText, StringComparison.Ordinal);
        Assert.DoesNotContain("hub.membership.ended", plainText, StringComparison.Ordinal);
        Assert.DoesNotContain("dibao", plainText, StringComparison.Ordinal);
        Assert.Contains(Events(visitingPage), e => (string?)e["type"] == "hub.membership.ended");
        var moved = Assert.Single(Events(visitingPage), e => (string?)e["type"] == "hub.person.residence-moved");
        Assert.Equal(NewAddress, (string?)moved["data"]!["changes"]!["residenceAddress"]!["after"]);
    }

    [Fact]
    public async Task A_page_is_audited_as_a_disclosure_of_the_persons_it_names()
    {
        var a = await SubscribeAsync(_hub.StreetOfficer(StreetA), "benefit-review");
        await PushDeltaAsync();
        var before = (await _hub.EventsAsync()).Count;

        await PullAsync(a.Client, a.Id);

        var audited = Assert.Single((await _hub.EventsAsync()).Skip(before)).Event;
        Assert.Equal((AuditAction.EventsDeliver, AuditOutcome.Allowed), (audited.Action, audited.Outcome));
        Assert.Equal(new[] { _hub.KeyOf(1), _hub.KeyOf(3) }.Order(), audited.PersonKeys.Select(k => k.Value).Order());
        Assert.Contains(audited.Fields, f => f.Name == "personStatus");
        Assert.Contains(audited.Fields, f => f.Name == "assistanceType");
        Assert.Equal("benefit-review", audited.Purpose);
        Assert.Equal(Events(await PullAsync(a.Client, a.Id)).Count, audited.RecordCount);
    }

    [Fact]
    public async Task The_feed_replays_from_any_cursor_and_a_delta_sent_again_adds_nothing()
    {
        var a = await SubscribeAsync(_hub.StreetOfficer(StreetA), "benefit-review");
        await PushDeltaAsync();

        var paged = new List<string?>();
        var pages = 0;
        JsonNode page;
        var cursor = string.Empty;
        do
        {
            page = await PullAsync(a.Client, a.Id, $"limit=2{cursor}");
            Assert.True(Events(page).Count <= 2);
            paged.AddRange(Ids(page));
            cursor = $"&cursor={page["next"]}";
            pages++;
        }
        while (!(bool)page["caughtUp"]!);
        var replay = await PullAsync(a.Client, a.Id);
        var end = await PullAsync(a.Client, a.Id, cursor[1..]);
        await PushDeltaAsync();
        var afterResend = await PullAsync(a.Client, a.Id, cursor[1..]);

        // Street A's three: resident 1's death and the 低保 it ends, resident 3's move out.
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(3, paged.Count);
        Assert.Equal(Ids(replay), paged);
        Assert.Equal(paged.Distinct(), paged);
        Assert.Empty(Events(end));
        Assert.True((bool)end["caughtUp"]!);
        Assert.Equal((string?)page["next"], (string?)end["next"]);
        Assert.Empty(Events(afterResend));
    }

    [Fact]
    public async Task A_cursor_before_the_retained_events_is_410_and_an_ended_subscription_409()
    {
        var a = await SubscribeAsync(_hub.StreetOfficer(StreetA));
        await _hub.Factory.Storage.EventsTable.UpsertAsync(new FeedMarkEntity { PartitionKey = "head", RowKey = "retained", Position = 1000 }, Hub.Core.Storage.EntityUpdateMode.Replace);

        using var expired = await a.Client.GetAsync(new Uri($"/api/subscriptions/{a.Id}/events?cursor=5", UriKind.Relative));
        using var ended = await a.Client.DeleteAsync(new Uri($"/api/subscriptions/{a.Id}", UriKind.Relative));
        using var afterEnd = await a.Client.GetAsync(new Uri($"/api/subscriptions/{a.Id}/events?cursor=1000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, afterEnd.StatusCode);
    }

    [Fact]
    public async Task A_batch_that_never_completes_publishes_nothing_and_publishing_twice_appends_once()
    {
        var log = _hub.Factory.Services.GetRequiredService<ChangeEventLog>();
        var tail = await log.TailAsync();
        ChangeEvent[] staged = [Event(1), Event(2), Event(3)];

        await log.StageAsync("20261206010101-failed00", staged);
        await log.StageAsync("20261206010101-failed00", staged);
        var tailWhileStaged = await log.TailAsync();
        await log.StageAsync("20261206010102-complete", staged);
        var published = await log.PublishAsync("20261206010102-complete", DateTimeOffset.UtcNow);
        var again = await log.PublishAsync("20261206010102-complete", DateTimeOffset.UtcNow);
        var feed = (await log.ReadAsync(tail, 100)).Events;
        var stagedLeft = await _hub.Factory.Storage.EventsTable.QueryAsync<BareRow>(TableFilter.Of($"PartitionKey eq {ChangeEventLog.StagePartition("20261206010102-complete")}")).Select(r => r.RowKey).ToListAsync();

        Assert.Equal(tail, tailWhileStaged);
        Assert.Equal((3, 0), (published, again));
        Assert.Equal(["~published"], stagedLeft);
        Assert.Equal(staged.Select(e => e.Id).Order(), feed.Select(e => e.Id).Order());
        Assert.Equal(Enumerable.Range((int)tail, 3).Select(i => (long?)i), feed.Select(e => e.Sequence));
        Assert.All(feed, e => Assert.Equal("20261206010102-complete", e.BatchId));
    }

    private static ChangeEvent Event(int index)
    {
        var person = PersonKey.Parse(string.Create(CultureInfo.InvariantCulture, $"{index:x32}"));
        AttributeChange[] changes = [new("personStatus", "police", "active", "deceased")];
        return new ChangeEvent
        {
            Id = ChangeEvent.StableId(person, ChangeEventType.PersonDeceased, null, changes, null),
            Type = ChangeEventType.PersonDeceased,
            PersonKey = person,
            Source = "police",
            BatchId = "20261206010102-complete",
            EffectiveDate = new DateOnly(2026, 11, 1),
            Changes = changes,
        };
    }

    private async Task PushDeltaAsync() => await PushPoliceAsync(
        "delta",
        (1, CommunityA1, "死亡", DiedOn, OldAddress),
        (2, CommunityB1, "死亡", DiedOn, OldAddress),
        (3, CommunityB1, "正常", null, NewAddress));

    // The police register (registration in street A for everyone but resident 2) and, on the first push, the 低保 roll.
    private async Task PushPoliceAsync(string mode, params (int Index, string Residence, string Status, string? Died, string Address)[] rows)
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,居住地址,网格编号,人员状态,死亡日期\r\n");
        var civil = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话,现住址\r\n");
        foreach (var (index, residence, status, died, address) in rows)
        {
            var registration = index == 2 ? CommunityB1 : CommunityA1;
            police.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,H{index},户主,朝阳区幸福里{index}号,{registration},户籍,{residence},{address},G01,{status},{died}\r\n");
            civil.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,城市低保,1250,2024/3/1,{residence},G01,13812345678,{address}\r\n");
        }

        var feeds = mode == "snapshot" ? new[] { ("police", police), ("civil-affairs", civil) } : [("police", police)];
        foreach (var (source, csv) in feeds)
        {
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", mode);
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    private static async Task<(HttpClient Client, string Id)> SubscribeAsync(HttpClient client, string? purpose = null)
    {
        using var response = await PostAsync(client, "/api/subscriptions", new { purpose });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (string)(await JsonAsync(response))["id"]!);
    }

    private static async Task<JsonNode> PullAsync(HttpClient client, string id, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/subscriptions/{id}/events?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static List<JsonNode> Events(JsonNode page) => [.. page["events"]!.AsArray().Select(e => e!)];

    private static List<string?> Ids(JsonNode page) => [.. Events(page).Select(e => (string?)e["id"])];

    private static List<string?> Subjects(JsonNode page) => [.. Events(page).Select(e => (string?)e["subject"]).Distinct().Order()];
}
