using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditCompletenessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Routes that carry no personal data: health, the sources' mappings, the API description, and the web console's
    // files, settings and development sign-in. The auditors' routes are audited like the rest (audit.read).
    // Reads of configuration that name no person: the Hub's health, its sources and the division registry (whose loading
    // is audited as a policy change), its API description and the console's files.
    private static readonly string[] Unaudited = ["/api/health", "/api/sources", "/api/divisions/", "/api/openapi/{documentName}.json", "/api/console/"];

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(2, "王二", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public void Every_endpoint_that_touches_person_data_is_audited()
    {
        var endpoints = _hub.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/api/triggers", StringComparison.Ordinal))
            .Where(e => !Unaudited.Any(u => e.RoutePattern.RawText!.StartsWith(u, StringComparison.Ordinal)))
            .ToList();

        Assert.True(endpoints.Count >= 26, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<AuditedEndpoint>() is not null, $"{e.RoutePattern.RawText} is not audited"));
    }

    [Fact]
    public async Task Every_data_endpoint_leaves_exactly_one_event_per_request_allowed_or_refused()
    {
        using var street = _hub.StreetOfficer();
        using var worker = _hub.GridWorker("G01");
        using var steward = _hub.As("steward-9", HubRoles.DataSteward, District);
        using var police = _hub.Factory.CreatePublisherClient("police");
        using var anonymous = _hub.Factory.CreateClient();
        using var auditor = _hub.As("auditor-9", HubRoles.Auditor, District);
        var key = _hub.KeyOf(1);
        var other = _hub.KeyOf(2);
        var batch = (await police.GetFromJsonAsync<List<BatchListItem>>(new Uri("/api/feeds/police/batches", UriKind.Relative)))![0].Id;

        var requests = new List<(string Name, HttpClient Client, Func<HttpClient, Task<HttpResponseMessage>> Send)>
        {
            ("person", street, c => c.GetAsync(new Uri($"/api/persons/{key}", UriKind.Relative))),
            ("household", street, c => c.GetAsync(new Uri($"/api/persons/{key}/household", UriKind.Relative))),
            ("lookup", street, c => PostAsync(c, "/api/persons/lookup", new { residentId = Id(1) })),
            ("break-glass", worker, c => PostAsync(c, $"/api/persons/{key}/break-glass", new { reason = "flood" })),
            ("residents", street, c => c.GetAsync(new Uri("/api/residents", UriKind.Relative))),
            ("verify", street, c => PostAsync(c, "/api/verifications", new { residentId = Id(1), claim = new { kind = "livesIn", division = StreetA } })),
            ("profile", steward, c => c.GetAsync(new Uri($"/api/profiles/{key}", UriKind.Relative))),
            ("profile household", steward, c => c.GetAsync(new Uri($"/api/profiles/{key}/household", UriKind.Relative))),
            ("profile lookup", steward, c => PostAsync(c, "/api/profiles/lookup", new { residentId = Id(1) })),
            ("queue", steward, c => c.GetAsync(new Uri("/api/resolution/queue", UriKind.Relative))),
            ("history", steward, c => c.GetAsync(new Uri($"/api/resolution/persons/{key}/history", UriKind.Relative))),
            ("link", steward, c => PostAsync(c, $"/api/resolution/records/{other}/link", new { personKey = key, reason = "same person" })),
            ("reject", steward, c => PostAsync(c, $"/api/resolution/records/{other}/reject", new { reason = "not the same" })),
            ("merge", steward, c => PostAsync(c, "/api/resolution/persons/merge", new { from = other, into = key, reason = "same person" })),
            ("split", steward, c => PostAsync(c, $"/api/resolution/persons/{other}/split", new { reason = "undo" })),
            ("bulk decisions", steward, c => PostAsync(c, "/api/resolution/decisions", new { decisions = new[] { new { recordKey = other, action = "reject" } } })),
            ("push", police, c => c.PushAsync("police", Encoding.UTF8.GetBytes("公民身份号码,姓名\r\n"), "text/csv")),
            ("batches", police, c => c.GetAsync(new Uri("/api/feeds/police/batches", UriKind.Relative))),
            ("batch", police, c => c.GetAsync(new Uri($"/api/feeds/police/batches/{batch}", UriKind.Relative))),
            ("rejects", police, c => c.GetAsync(new Uri($"/api/feeds/police/batches/{batch}/rejects", UriKind.Relative))),
            ("401 person", anonymous, c => c.GetAsync(new Uri($"/api/persons/{key}", UriKind.Relative))),
            ("403 person", auditor, c => c.GetAsync(new Uri($"/api/persons/{key}", UriKind.Relative))),
            ("403 profile", street, c => c.GetAsync(new Uri($"/api/profiles/{key}", UriKind.Relative))),
            ("401 push", anonymous, c => c.PushAsync("police", Encoding.UTF8.GetBytes("x"), "text/csv")),
            ("404 person", worker, c => c.GetAsync(new Uri($"/api/persons/{new string('b', 32)}", UriKind.Relative))),
            ("400 lookup", street, c => PostAsync(c, "/api/persons/lookup", new { residentId = "123" })),
        };

        foreach (var (name, client, send) in requests)
        {
            var before = (await _hub.EventsAsync()).Count;
            using var response = await send(client);
            var after = await _hub.EventsAsync();

            Assert.True(after.Count == before + 1, $"{name} ({(int)response.StatusCode}) left {after.Count - before} events");
        }
    }

    [Fact]
    public async Task A_rate_limited_request_is_audited_as_denied()
    {
        await using var limited = new PersonsHub(azurite, new Dictionary<string, string?>
        {
            ["Hub:RateLimits:TokenLimit"] = "1",
            ["Hub:RateLimits:TokensPerPeriod"] = "1",
            ["Hub:RateLimits:ReplenishmentPeriod"] = "01:00:00",
        });
        using var officer = limited.StreetOfficer();

        using var first = await officer.GetAsync(new Uri("/api/residents", UriKind.Relative));
        using var second = await officer.GetAsync(new Uri("/api/residents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        var events = await limited.EventsAsync();
        Assert.Equal([AuditOutcome.Allowed, AuditOutcome.Denied], events.Select(e => e.Event.Outcome));
    }

    private sealed record BatchListItem(string Id);
}
