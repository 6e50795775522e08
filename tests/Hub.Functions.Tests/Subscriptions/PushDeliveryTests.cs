using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Audit;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>
/// Two residents of street A and one of street B on 低保; then the police report all three deceased. A push
/// subscription's endpoint (a real HTTP receiver on loopback) gets what the pull feed gives, signed, at least once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PushDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly PersonsHub _hub = new(azurite, new Dictionary<string, string?>
    {
        ["Hub:Push:Attempts"] = "2",
        ["Hub:Push:FirstRetry"] = "00:00:00",
        ["Hub:Push:Timeout"] = "00:00:05",
        // No sweep during a test: it would ask for a delivery the test is watching a second time.
        ["Hub:Push:SweepSchedule"] = "0 0 0 1 1 *",
    });

    public Task InitializeAsync() => _hub.LoadAsync(
        new Resident(1, "甲", CommunityA1, "G01", CommunityA1),
        new Resident(2, "乙", CommunityA2, "G02", CommunityA2),
        new Resident(3, "丙", CommunityB1, "G01", CommunityB1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Events_arrive_signed_at_the_endpoint_as_the_pull_feed_gives_them_and_each_push_is_audited()
    {
        await using var receiver = new WebhookReceiver(204);
        var officer = _hub.StreetOfficer(StreetA);
        var (id, secret) = await SubscribeAsync(officer, receiver.Endpoint, "benefit-review");
        var auditedBefore = (await _hub.EventsAsync()).Count;

        await ReportDeathsAsync(1, 2, 3);
        var received = await ReceivedEventsAsync(receiver, expected: 4);

        var pulled = await PullIdsAsync(officer, id);
        Assert.Equal(pulled, received.Select(e => (string)e["id"]!).ToList());
        Assert.Equal([_hub.KeyOf(1), _hub.KeyOf(2)], received.Select(e => (string)e["subject"]!).Distinct().Order());
        Assert.All(receiver.Received, delivery => Assert.True(
            WebhookSignature.Verify(secret, delivery.Headers[WebhookSignature.IdHeader], delivery.Headers[WebhookSignature.TimestampHeader], delivery.Headers[WebhookSignature.SignatureHeader], delivery.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));
        var pushes = (await _hub.EventsAsync()).Skip(auditedBefore).Select(r => r.Event).Where(e => e.Actor.ClientApplicationId == PushDelivery.PushClient).ToList();
        var push = Assert.Single(pushes);
        Assert.Equal((AuditAction.EventsDeliver, AuditOutcome.Allowed, "street-officer"), (push.Action, push.Outcome, push.Actor.UserId));
        Assert.Equal(new[] { _hub.KeyOf(1), _hub.KeyOf(2) }.Order(), push.PersonKeys.Select(k => k.Value).Order());
        Assert.Equal(received.Count, push.RecordCount);
    }

    [Fact]
    public async Task A_pushed_page_is_listed_in_the_residents_report_as_shared_with_its_subscription()
    {
        await using var receiver = new WebhookReceiver(204);
        var officer = _hub.StreetOfficer(StreetA);
        var (id, _) = await SubscribeAsync(officer, receiver.Endpoint, "benefit-review");
        await ReportDeathsAsync(1);
        await ReceivedEventsAsync(receiver, expected: 1);

        using var response = await PostAsync(officer, "/api/persons/subject-report", new { personKey = _hub.KeyOf(1) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shared = Assert.Single((await JsonAsync(response))["sharedWith"]!.AsArray())!;
        Assert.Equal((id, "push", "street-officer", "benefit-review"), ((string?)shared["subscription"], (string?)shared["mode"], (string?)shared["recipient"], (string?)shared["purpose"]));
        Assert.Contains(shared["fields"]!.AsArray(), f => (string?)f == "personStatus");
    }

    [Fact]
    public async Task A_subscriber_outside_a_persons_area_is_pushed_nothing_about_them()
    {
        await using var receiver = new WebhookReceiver(204);
        var officer = _hub.StreetOfficer(StreetB, subject: "officer-b");
        var (id, _) = await SubscribeAsync(officer, receiver.Endpoint, "benefit-review");

        await ReportDeathsAsync(1, 2);
        await CaughtUpAsync(officer, id);

        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_failing_endpoint_gets_every_attempt_with_the_same_ids_then_the_delivery_is_parked_and_an_operator_redrives_it()
    {
        await using var receiver = new WebhookReceiver(500, 503, 204);
        var officer = _hub.StreetOfficer(StreetA);
        var (id, _) = await SubscribeAsync(officer, receiver.Endpoint, "benefit-review");

        await ReportDeathsAsync(1);
        var parked = await WaitForAsync(async () =>
        {
            var delivery = await DeliveryAsync(officer, id);
            return delivery["deadLetters"]!.AsArray().Count == 1 ? delivery : null;
        });
        var letter = parked["deadLetters"]![0]!;
        using var operatorList = await _hub.As("operator", Hub.Core.Access.HubRoles.Administrator, District).GetAsync(new Uri("/api/push/dead-letters", UriKind.Relative));
        using var redrive = await _hub.As("operator", Hub.Core.Access.HubRoles.Administrator, District)
            .PostAsync(new Uri($"/api/push/dead-letters/{id}/{letter["id"]}/redrive", UriKind.Relative), content: null);
        var redriven = await WaitForAsync(async () => await DeliveryAsync(officer, id) is var delivery && delivery["deadLetters"]!.AsArray().Count == 0 ? delivery : null);

        Assert.Equal((2, "the endpoint answered 503"), ((int)letter["attempts"]!, (string?)letter["reason"]));
        Assert.Null((string?)parked["lastDeliveredAt"]);
        Assert.NotNull((string?)redriven["lastDeliveredAt"]);
        Assert.Equal(HttpStatusCode.OK, operatorList.StatusCode);
        Assert.Contains(id, await operatorList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, redrive.StatusCode);
        var deliveries = receiver.Received.ToList();
        Assert.True(deliveries.Count >= 3, $"{deliveries.Count} deliveries");
        Assert.Single(deliveries.Select(d => d.Headers[WebhookSignature.IdHeader]).Distinct());
        Assert.Single(deliveries.Select(d => string.Join(',', Events(d).Select(e => (string)e["id"]!))).Distinct());
        Assert.Equal(await PullIdsAsync(officer, id), Events(deliveries[^1]).Select(e => (string)e["id"]!).ToList());
    }

    [Fact]
    public async Task Workers_asked_at_once_for_one_subscription_send_each_page_once()
    {
        await using var receiver = new WebhookReceiver(204) { Delay = TimeSpan.FromSeconds(2) };
        var officer = _hub.StreetOfficer(StreetA, subject: "busy-officer");
        var (id, _) = await SubscribeAsync(officer, receiver.Endpoint, "benefit-review");
        await ReportDeathsAsync(1, 2);
        var push = _hub.Factory.Services.GetRequiredService<PushDelivery>();

        var message = new PushDeliveryMessage("busy-officer", id);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => push.HandleAsync(message)));
        await CaughtUpAsync(officer, id);

        // On a loaded machine a send may time out and be made again, after the first: never beside it.
        Assert.Equal(1, receiver.MostInFlight);
        Assert.Single(receiver.Received.Select(d => d.Headers[WebhookSignature.IdHeader]).Distinct());
        Assert.Equal(await PullIdsAsync(officer, id), Events(receiver.Received.Last()).Select(e => (string)e["id"]!).ToList());
    }

    [Theory]
    [InlineData("""{ "endpoint": "http://receiver.example.gov.cn/hooks" }""")]
    [InlineData("""{ "endpoint": "https://user:pw@receiver.example.gov.cn/hooks" }""")]
    [InlineData("""{ "endpoint": "not a url" }""")]
    [InlineData("""{ "endpoint": 42 }""")]
    public async Task A_bad_endpoint_is_a_problem_and_nothing_is_made(string body)
    {
        var officer = _hub.StreetOfficer(StreetA, subject: "bad-endpoint");

        using var response = await officer.PostAsync(new Uri("/api/subscriptions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        using var list = await officer.GetAsync(new Uri("/api/subscriptions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty((await JsonAsync(list))["subscriptions"]!.AsArray());
    }

    [Fact]
    public async Task The_secret_is_given_once_when_the_subscription_is_made_and_never_again()
    {
        await using var receiver = new WebhookReceiver(204);
        var officer = _hub.StreetOfficer(StreetA, subject: "secret-keeper");
        var (id, secret) = await SubscribeAsync(officer, receiver.Endpoint);

        // Nor is it stored as given: the row holds it sealed.
        var stored = await _hub.Factory.Storage.ServiceTables.GetTableClient(_hub.Factory.Storage.Facts.Name[..^"facts".Length] + "subscriptions")
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == id).SingleAsync();
        Assert.DoesNotContain(secret.ToString(), stored.GetString("Secret"), StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret.Prefix, stored.GetString("Secret"), StringComparison.Ordinal);

        using var read = await officer.GetAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative));
        using var list = await officer.GetAsync(new Uri("/api/subscriptions", UriKind.Relative));
        using var pullOnly = await PostAsync(officer, "/api/subscriptions", new { purpose = "benefit-review" });

        Assert.Null((string?)(await JsonAsync(read))["secret"]);
        Assert.DoesNotContain(WebhookSecret.Prefix, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(receiver.Endpoint.AbsoluteUri, (string?)(await JsonAsync(read))["endpoint"]);
        Assert.Null((string?)(await JsonAsync(pullOnly))["secret"]);
        using var notPushed = await officer.GetAsync(new Uri($"/api/subscriptions/{(string)(await JsonAsync(pullOnly))["id"]!}/delivery", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, notPushed.StatusCode);
    }

    [Theory]
    [InlineData("/api/subscriptions/{id}/dead-letters/not-a-letter/redrive", "street", HttpStatusCode.BadRequest)]
    [InlineData("/api/subscriptions/{id}/dead-letters/000000000000042/redrive", "street", HttpStatusCode.NotFound)]
    [InlineData("/api/push/dead-letters/not-a-subscription/000000000000042/redrive", "operator", HttpStatusCode.BadRequest)]
    [InlineData("/api/push/dead-letters/{id}/12/redrive", "operator", HttpStatusCode.BadRequest)]
    [InlineData("/api/push/dead-letters/{id}/000000000000042/redrive", "operator", HttpStatusCode.NotFound)]
    [InlineData("/api/push/dead-letters/{id}/000000000000042/redrive", "street", HttpStatusCode.Forbidden)]
    public async Task A_redrive_of_a_malformed_or_unknown_letter_is_a_problem_and_one_audit_event(string path, string caller, HttpStatusCode expected)
    {
        await using var receiver = new WebhookReceiver(204);
        var officer = _hub.StreetOfficer(StreetA, subject: "redriver");
        var (id, _) = await SubscribeAsync(officer, receiver.Endpoint);
        var client = caller == "operator" ? _hub.As("operator", Hub.Core.Access.HubRoles.Administrator, District) : officer;
        var before = (await _hub.EventsAsync()).Count;

        using var response = await client.PostAsync(new Uri(path.Replace("{id}", id, StringComparison.Ordinal), UriKind.Relative), content: null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Single((await _hub.EventsAsync()).Skip(before));
    }

    private static async Task<(string Id, WebhookSecret Secret)> SubscribeAsync(HttpClient officer, Uri endpoint, string? purpose = null)
    {
        using var response = await PostAsync(officer, "/api/subscriptions", new { purpose, endpoint = endpoint.AbsoluteUri });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        Assert.True(WebhookSecret.TryParse((string?)created["secret"], out var secret));
        return ((string)created["id"]!, secret);
    }

    private async Task ReportDeathsAsync(params int[] residents)
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n");
        foreach (var index in residents)
        {
            var community = index == 2 ? CommunityA2 : index == 3 ? CommunityB1 : CommunityA1;
            police.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,H{index},户主,朝阳区幸福里{index}号,{community},户籍,{community},G01,死亡,2026-11-01\r\n");
        }

        var report = await _hub.Factory.CreatePublisherClient("police").PushAndWaitAsync("police", Encoding.UTF8.GetBytes(police.ToString()), "text/csv", "delta");
        Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The police delta was not taken whole: {report.FailureReason}");
    }

    private static async Task<List<JsonNode>> ReceivedEventsAsync(WebhookReceiver receiver, int expected) =>
        await WaitForAsync(() => Task.FromResult(receiver.Received.SelectMany(Events).ToList() is { } events && events.Count >= expected ? events : null));

    private static async Task CaughtUpAsync(HttpClient officer, string id)
    {
        // The pull feed's end is where push delivery stands once it has gone through everything published.
        var end = (string)(await PullAsync(officer, id, "cursor=0&limit=500"))["next"]!;
        await WaitForAsync(async () => (string?)(await DeliveryAsync(officer, id))["cursor"] == end ? true : (bool?)null);
    }

    private static async Task<JsonNode> DeliveryAsync(HttpClient officer, string id)
    {
        using var response = await officer.GetAsync(new Uri($"/api/subscriptions/{id}/delivery", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<List<string>> PullIdsAsync(HttpClient officer, string id) =>
        [.. (await PullAsync(officer, id, "limit=500"))["events"]!.AsArray().Select(e => (string)e!["id"]!)];

    private static async Task<JsonNode> PullAsync(HttpClient officer, string id, string query)
    {
        using var response = await officer.GetAsync(new Uri($"/api/subscriptions/{id}/events?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static IEnumerable<JsonNode> Events(ReceivedDelivery delivery) => JsonNode.Parse(delivery.Body)!.AsArray().Select(e => e!);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Nothing came within {Patience.TotalSeconds} s.");
    }
}
