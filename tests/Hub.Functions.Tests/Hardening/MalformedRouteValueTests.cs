using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// Route values are bound to the Hub's value types; one not of its form is answered as the route answers an unknown
/// or invalid one, audited once before the answer, and never echoed.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MalformedRouteValueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string City = "110100000000";

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(new Resident(1, "王一", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync()
    {
        await _hub.Factory.Storage.Audit.CreateIfNotExistsAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_malformed_person_key_reads_exactly_like_an_unknown_one_and_is_never_echoed()
    {
        using var steward = _hub.As("steward-1", HubRoles.DataSteward, City);
        var before = (await _hub.EventsAsync()).Count;

        using var unknown = await steward.GetAsync(new Uri($"/api/profiles/{new string('a', 32)}", UriKind.Relative));
        using var malformed = await steward.GetAsync(new Uri($"/api/profiles/{Id(1)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal((await ProblemAsync(unknown)).ToJsonString(), (await ProblemAsync(malformed)).ToJsonString());
        Assert.Equal("no-store", malformed.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", malformed.Headers.GetValues("X-Content-Type-Options").Single());
        var events = (await _hub.EventsAsync()).Skip(before).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((AuditOutcome.Allowed, "GET /api/profiles/{personKey}"), (e.Event.Outcome, e.Event.Resource)));
        Assert.DoesNotContain(_hub.Factory.Logs.Lines, line => line.Contains(Id(1), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("police", "not-a-batch", "Unknown batch", "source=police batch=?")]
    [InlineData("unknown-source", "not-a-batch", "Unknown source", "source=unknown-source batch=?")]
    [InlineData("Police", "20250301083000-3fa9c2d1", "Unknown source", "source=? batch=20250301083000-3fa9c2d1")]
    public async Task A_malformed_source_or_batch_id_is_an_unknown_one_audited_with_what_was_well_formed(string source, string batch, string title, string resource)
    {
        using var administrator = _hub.As("admin-1", HubRoles.Administrator, City);
        var before = (await _hub.EventsAsync()).Count;

        using var response = await administrator.GetAsync(new Uri($"/api/feeds/{source}/batches/{batch}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, (string?)(await ProblemAsync(response))["title"]);
        var recorded = Assert.Single((await _hub.EventsAsync()).Skip(before));
        Assert.Equal("GET /api/feeds/{source}/batches/{batchId} " + resource, recorded.Event.Resource);
    }

    [Fact]
    public async Task A_malformed_key_is_answered_by_the_routes_own_invalid_key_problem()
    {
        using var steward = _hub.As("steward-1", HubRoles.DataSteward, City);
        using var auditor = _hub.As("auditor-1", HubRoles.Auditor, City);

        using var split = await steward.PostAsJsonAsync(new Uri("/api/resolution/persons/not-a-key/split", UriKind.Relative), new { reason = "x" });
        using var accesses = await auditor.GetAsync(new Uri("/api/audit/persons/not-a-key/accesses", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, split.StatusCode);
        Assert.Equal("Invalid key", (string?)(await ProblemAsync(split))["title"]);
        Assert.Equal(HttpStatusCode.BadRequest, accesses.StatusCode);
        Assert.Equal("The person key is 32 lower-case hex characters.", (string?)(await ProblemAsync(accesses))["detail"]);
        var events = await _hub.EventsAsync();
        var recorded = events[^1];
        Assert.Equal((AuditOutcome.Failed, "GET /api/audit/persons/{personKey}/accesses person accesses"), (recorded.Event.Outcome, recorded.Event.Resource));
    }

    [Fact]
    public async Task A_person_read_by_a_malformed_key_is_answered_invalid_audited_once_and_never_echoed()
    {
        using var officer = _hub.StreetOfficer();
        var before = (await _hub.EventsAsync()).Count;

        using var detail = await officer.GetAsync(new Uri($"/api/persons/{Id(1)}", UriKind.Relative));
        using var household = await officer.GetAsync(new Uri($"/api/persons/{Id(1)}/household", UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (detail.StatusCode, household.StatusCode));
        Assert.Equal("Invalid person key", (string?)(await ProblemAsync(detail))["title"]);
        Assert.Equal("Invalid person key", (string?)(await ProblemAsync(household))["title"]);
        var events = (await _hub.EventsAsync()).Skip(before).Select(e => e.Event.Resource).ToList();
        Assert.Equal(["GET /api/persons/{personKey}", "GET /api/persons/{personKey}/household"], events);
        Assert.DoesNotContain(_hub.Factory.Logs.Lines, line => line.Contains(Id(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_wrong_in_its_body_or_query_too_is_answered_about_those_first()
    {
        using var steward = _hub.As("steward-1", HubRoles.DataSteward, City);
        using var auditor = _hub.As("auditor-1", HubRoles.Auditor, City);

        using var link = await steward.PostAsync(new Uri("/api/resolution/records/not-a-key/link", UriKind.Relative), JsonContent.Create<object?>(null));
        using var accesses = await auditor.GetAsync(new Uri("/api/audit/persons/not-a-key/accesses?from=yesterday", UriKind.Relative));

        Assert.Equal("The request needs a JSON body.", (string?)(await ProblemAsync(link))["detail"]);
        Assert.Equal("'from' must be a date and time in ISO 8601, e.g. 2025-03-01T00:00:00+08:00.", (string?)(await ProblemAsync(accesses))["detail"]);
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_be_written_a_malformed_route_value_is_answered_503()
    {
        using var steward = _hub.As("steward-1", HubRoles.DataSteward, City);
        await _hub.Factory.Storage.Audit.DeleteAsync();

        using var response = await steward.GetAsync(new Uri("/api/profiles/not-a-key", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Audit trail unavailable", (string?)(await ProblemAsync(response))["title"]);
    }

    // The problem without its trace id, which differs per request.
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await JsonAsync(response)).AsObject();
        problem.Remove("traceId");
        return problem;
    }
}
