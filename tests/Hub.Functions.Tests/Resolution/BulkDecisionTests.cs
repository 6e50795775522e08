using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.QueueFeeds;

namespace Hub.Functions.Tests.Resolution;

/// <summary>A steward of street A decides a reviewed page at once: three possible matches in street A, one in street B.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BulkDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Unknown = new('a', 32);

    private readonly ResolutionHub _hub = new(azurite);
    private readonly List<Twins> _pairs = [Pair(0), Pair(1), Pair(2), Pair(3, inStreetB: true)];
    private readonly Dictionary<string, string> _records = [];
    private HttpClient _steward = null!;

    public async Task InitializeAsync()
    {
        await _hub.PushAsync("police", Police(_pairs));
        await _hub.PushAsync("civil-affairs", CivilAffairs(_pairs));
        foreach (var item in await _hub.QueueAsync())
        {
            _records[(string)item!["record"]!["name"]!] = (string)item["recordKey"]!;
        }

        _steward = _hub.Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-a", [HubRoles.DataSteward], StreetA));
    }

    public async Task DisposeAsync()
    {
        _steward.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Each_decision_of_a_mixed_page_is_answered_on_its_own_and_bad_ones_stop_nothing()
    {
        var (first, second, third, elsewhere) = (Record(0), Record(1), Record(2), Record(3));
        object[] decisions =
        [
            new { recordKey = first, action = "link", personKey = _hub.KeyOf(_pairs[0].ElderId), reason = "低保卡号一致" },
            new { recordKey = second, action = "reject", reason = "不是同一人" },
            new { recordKey = third, action = "link", personKey = "110105194912310020", reason = "x" },
            new { recordKey = Unknown, action = "reject" },
            new { recordKey = elsewhere, action = "link", personKey = _hub.KeyOf(_pairs[3].ElderId) },
            new { recordKey = third, action = "merge" },
            new { recordKey = second, action = "reject" },
            new { recordKey = third, action = "link", personKey = third },
            new { recordKey = "110105194912310020", action = "reject" },
        ];

        var (status, answer) = await PostAsync(new { decisions });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)answer["applied"]!);
        var results = answer["results"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 9), results.Select(r => (int)r!["index"]!));
        Assert.Equal(
            ["applied", "applied", "invalid", "notFound", "notFound", "invalid", "invalid", "conflict", "invalid"],
            results.Select(r => (string?)r!["status"]));
        Assert.Equal(_hub.KeyOf(_pairs[0].ElderId), (string?)results[0]!["golden"]);
        Assert.All(results.Skip(2), r => Assert.False(string.IsNullOrEmpty((string?)r!["detail"])));
        Assert.Null((string?)results[8]!["recordKey"]);
        Assert.DoesNotContain("110105194912310020", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(new[] { elsewhere, third }.Order(StringComparer.Ordinal), (await _hub.QueueAsync()).Select(i => (string)i!["recordKey"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bulk_decisions_leave_the_same_history_as_the_single_routes()
    {
        var person = _hub.KeyOf(_pairs[0].ElderId);

        await PostAsync(new { decisions = new object[] { new { recordKey = Record(0), action = "link", personKey = person, reason = "低保卡号一致" }, new { recordKey = Record(1), action = "reject", reason = "不是同一人" } } });

        var link = Assert.Single(await _hub.HistoryAsync(person), h => (string?)h!["action"] == "link")!;
        Assert.Equal(Record(0), (string?)link["personKey"]);
        Assert.Equal("manual", (string?)link["decider"]);
        Assert.Equal("steward-a", (string?)link["decidedBy"]);
        Assert.Equal("低保卡号一致", (string?)link["reason"]);
        Assert.Equal([Record(0)], (await _hub.ProfileAsync(person))["linkedKeys"]!.AsArray().Select(k => (string?)k));
        var reject = Assert.Single(await _hub.HistoryAsync(Record(1)), h => (string?)h!["action"] == "reject")!;
        Assert.Equal("manual", (string?)reject["decider"]);
        Assert.True((bool)(await _hub.ProfileAsync(Record(1)))["provisional"]!);
    }

    [Fact]
    public async Task A_bulk_request_leaves_one_audit_event_denied_when_any_decision_reached_outside()
    {
        var before = (await _hub.EventsAsync()).Count;

        await PostAsync(new { decisions = new object[] { new { recordKey = Record(0), action = "reject" }, new { recordKey = Record(1), action = "reject" } } });
        var between = (await _hub.EventsAsync()).Count;
        await PostAsync(new { decisions = new object[] { new { recordKey = Record(2), action = "reject" }, new { recordKey = Record(3), action = "reject" } } });

        var events = (await _hub.EventsAsync()).Skip(before).Select(e => e.Event).ToList();
        Assert.Equal(before + 1, between);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(AuditAction.StewardDecision, e.Action));
        Assert.Equal([AuditOutcome.Allowed, AuditOutcome.Denied], events.Select(e => e.Outcome));
        Assert.Equal([2, 1], events.Select(e => e.RecordCount));
        Assert.Equal([Record(0), Record(1)], events[0].PersonKeys.Select(k => k.Value));
        Assert.Equal([Record(2), Record(3)], events[1].PersonKeys.Select(k => k.Value));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"decisions\":[]}")]
    [InlineData("{\"decisions\":\"reject all\"}")]
    [InlineData("[{\"recordKey\":\"RECORD\",\"action\":\"reject\"}]")]
    [InlineData("{\"decisions\":[{\"recordKey\":\"RECORD\",\"action\":\"reject\"}]")]
    [InlineData("TOO MANY")]
    public async Task A_malformed_body_is_a_problem_and_decides_nothing(string json)
    {
        var body = json == "TOO MANY"
            ? new JsonObject { ["decisions"] = new JsonArray([.. Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["recordKey"] = Record(0), ["action"] = "reject" })]) }.ToJsonString()
            : json.Replace("RECORD", Record(0), StringComparison.Ordinal);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _steward.PostAsync(new Uri("/api/resolution/decisions", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, (await _hub.QueueAsync()).Count);
    }

    private string Record(int pair) => _records[_pairs[pair].Elder];

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(object body)
    {
        using var response = await _steward.PostAsJsonAsync(new Uri("/api/resolution/decisions", UriKind.Relative), body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
