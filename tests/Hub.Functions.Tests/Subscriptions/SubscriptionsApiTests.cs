using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>A subscription's life through the API: made, listed, read, changed, ended; each request audited once; bad input a 400 problem.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SubscriptionsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Deaths = ["hub.person.deceased"];
    private static readonly string[] DeathsAndMoves = ["hub.person.deceased", "hub.person.residence-moved"];
    private static readonly string[] Dibao = ["dibao"];
    private static readonly string[] CommunityA = [CommunityA1];

    private readonly PersonsHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_subscription_is_made_listed_changed_and_ended_and_each_request_leaves_one_audit_event()
    {
        using var officer = _hub.StreetOfficer(StreetA);
        var before = (await _hub.EventsAsync()).Count;

        using var created = await PostAsync(officer, "/api/subscriptions", new { types = Deaths, groups = Dibao, divisions = CommunityA });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = await JsonAsync(created);
        var id = (string)subscription["id"]!;
        Assert.Equal($"/api/subscriptions/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("active", StreetA), ((string?)subscription["status"], (string?)subscription["division"]));
        Assert.Equal(["hub.person.deceased"], subscription["types"]!.AsArray().Select(t => (string?)t));

        using var list = await officer.GetAsync(new Uri("/api/subscriptions", UriKind.Relative));
        Assert.Equal(id, (string?)Assert.Single((await JsonAsync(list))["subscriptions"]!.AsArray())!["id"]);
        using var changed = await officer.PutAsJsonAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative), new { types = DeathsAndMoves, purpose = "home-visit" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("home-visit", (string?)(await JsonAsync(changed))["purpose"]);
        using var ended = await officer.DeleteAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative));
        Assert.Equal("ended", (string?)(await JsonAsync(ended))["status"]);
        using var read = await officer.GetAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative));
        Assert.Equal("ended", (string?)(await JsonAsync(read))["status"]);
        using var pulled = await officer.GetAsync(new Uri($"/api/subscriptions/{id}/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, pulled.StatusCode);
        using var again = await officer.PutAsJsonAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative), new { types = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var events = (await _hub.EventsAsync()).Skip(before).Select(e => e.Event).ToList();
        Assert.Equal(
            ["subscription.change", "subscription.read", "subscription.change", "subscription.change", "subscription.read", "events.deliver", "subscription.change"],
            events.Select(e => e.Action.Value));
        Assert.All(events, e => Assert.Equal("street-officer", e.Actor.UserId));
        Assert.All(events.Where(e => e.Resource!.Contains("{id}", StringComparison.Ordinal)), e => Assert.Contains($"subscription={id}", e.Resource, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_officers_subscription_is_not_found_and_the_look_is_audited()
    {
        using var owner = _hub.StreetOfficer(StreetA);
        using var other = _hub.StreetOfficer(StreetA, subject: "another-officer");
        using var created = await PostAsync(owner, "/api/subscriptions", new { });
        var id = (string)(await JsonAsync(created))["id"]!;
        var before = (await _hub.EventsAsync()).Count;

        using var look = await other.GetAsync(new Uri($"/api/subscriptions/{id}/events", UriKind.Relative));
        using var end = await other.DeleteAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative));
        using var list = await other.GetAsync(new Uri("/api/subscriptions", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (look.StatusCode, end.StatusCode));
        Assert.Empty((await JsonAsync(list))["subscriptions"]!.AsArray());
        Assert.Equal(3, (await _hub.EventsAsync()).Count - before);
    }

    [Theory]
    [InlineData("{\"types\": [\"hub.person.born\"]}", "Unknown event type")]
    [InlineData("{\"groups\": [\"Dibao!\"]}", "Invalid group")]
    [InlineData("{\"divisions\": [\"110105002000\"]}", "Division outside your area")]
    [InlineData("{\"divisions\": [\"12345\"]}", "Invalid division")]
    [InlineData("{\"purpose\": \"curiosity\"}", "Unknown purpose")]
    [InlineData("{\"types\": \"hub.person.deceased\"}", null)]
    [InlineData("{\"types\": [", null)]
    [InlineData("null", null)]
    public async Task A_bad_body_is_a_400_problem_and_audited(string body, string? title)
    {
        using var officer = _hub.StreetOfficer(StreetA);
        var before = (await _hub.EventsAsync()).Count;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await officer.PostAsync(new Uri("/api/subscriptions", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (title is not null)
        {
            Assert.Equal(title, (string?)(await JsonAsync(response))["title"]);
        }

        var audited = Assert.Single((await _hub.EventsAsync()).Skip(before));
        Assert.Equal((AuditAction.SubscriptionChange, AuditOutcome.Failed), (audited.Event.Action, audited.Event.Outcome));
    }

    [Theory]
    [InlineData("cursor=abc")]
    [InlineData("cursor=-1")]
    [InlineData("cursor=1234567890123456")]
    [InlineData("limit=0")]
    [InlineData("limit=ten")]
    [InlineData("limit=100000")]
    public async Task A_malformed_cursor_or_limit_is_a_400_problem(string query)
    {
        using var officer = _hub.StreetOfficer(StreetA);
        using var created = await PostAsync(officer, "/api/subscriptions", new { });
        var id = (string)(await JsonAsync(created))["id"]!;

        using var response = await officer.GetAsync(new Uri($"/api/subscriptions/{id}/events?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_malformed_subscription_id_is_a_400_problem_and_a_grid_worker_may_not_subscribe()
    {
        using var officer = _hub.StreetOfficer(StreetA);
        using var grid = _hub.GridWorker();

        using var malformed = await officer.GetAsync(new Uri("/api/subscriptions/not-an-id", UriKind.Relative));
        using var refused = await PostAsync(grid, "/api/subscriptions", new { });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (malformed.StatusCode, refused.StatusCode));
        Assert.Contains(HubRoles.StreetOfficer, HubRoles.PersonalRoles);
    }
}
