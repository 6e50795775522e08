using System.Text.Json.Nodes;
using CsCheck;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// Every route of the Hub, driven with generated malformed requests (route values, query values, bodies, media types,
/// encodings, tokens): none is answered with a 5xx, every error is a problem, every request to an audited route
/// leaves exactly one audit event and every other none, and no value sent reaches a log.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MalformedRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int RequestsPerRoute = 24;

    private readonly PersonsHub _hub = new(azurite, testServices: services => services.AddSingleton<IStartupFilter, EndpointStamp>());
    private readonly Dictionary<string, HttpClient> _callers = [];
    private readonly Dictionary<int, int> _statuses = [];

    public async Task InitializeAsync()
    {
        await _hub.LoadAsync(
            new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
            new Resident(2, "王二", CommunityB1, "G02", CommunityB1));
        var city = "110100000000";
        _callers["anonymous"] = _hub.Factory.CreateClient();
        _callers["garbage token"] = _hub.Factory.CreateClientWithToken("not.a.token");
        _callers["street officer"] = _hub.StreetOfficer();
        _callers["grid worker"] = _hub.GridWorker();
        _callers["district officer"] = _hub.DistrictOfficer();
        _callers["department officer"] = _hub.As("dept-1", HubRoles.DepartmentOfficer, District, department: "civil-affairs");
        _callers["city steward"] = _hub.As("steward-1", HubRoles.DataSteward, city);
        _callers["street steward"] = _hub.As("steward-2", HubRoles.DataSteward, StreetB);
        _callers["city auditor"] = _hub.As("auditor-1", HubRoles.Auditor, city);
        _callers["district auditor"] = _hub.As("auditor-2", HubRoles.Auditor, District);
        _callers["administrator"] = _hub.As("admin-1", HubRoles.Administrator, city);
        _callers["police client"] = _hub.Factory.CreatePublisherClient("police");
        _callers["blank subject"] = WithClaims(" ", HubRoles.StreetOfficer, StreetA);
        _callers["long subject"] = WithClaims(new string('s', 2000), HubRoles.StreetOfficer, StreetA);
        _callers["long client"] = WithClaims("officer-x", HubRoles.StreetOfficer, StreetA, new() { ["azp"] = new string('c', 2000) });
        _callers["steward without division"] = _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint("steward-3", [HubRoles.DataSteward]));
        _callers["auditor without division"] = _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint("auditor-3", [HubRoles.Auditor]));
        _callers["officer at a community"] = WithClaims("officer-y", HubRoles.StreetOfficer, CommunityA1);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _callers.Values)
        {
            client.Dispose();
        }

        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Any_malformed_request_to_any_route_is_a_problem_below_500_with_one_audit_event_per_audited_request()
    {
        var routes = CataloguedRoute.Of(_hub.Factory.Services);
        Assert.True(routes.Count >= 30, $"only {routes.Count} routes described");
        string[] keys = [_hub.KeyOf(1), _hub.KeyOf(2)];

        foreach (var route in routes)
        {
            await MalformedRequests.For(route, _callers.Keys.ToList(), keys).SampleAsync(SendAndCheckAsync, iter: RequestsPerRoute, threads: 1);
        }

        // The generator reaches past every gate: refusals, unreadable requests, handlers' own problems and answers.
        Assert.True(_statuses.Values.Sum() == routes.Count * RequestsPerRoute, $"{_statuses.Values.Sum()} requests sent");
        Assert.Superset(new HashSet<int> { 200, 400, 401, 403, 404, 415 }, _statuses.Keys.ToHashSet());
        var leaks = _hub.Factory.Logs.Lines.Where(l => l.Contains(MalformedRequests.Marker, StringComparison.Ordinal) || l.Contains(MalformedRequests.NameMarker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "A value sent reached the log: " + string.Join(" | ", leaks.Take(3).Select(l => l[..Math.Min(300, l.Length)])));
    }

    private async Task SendAndCheckAsync(MalformedRequest request)
    {
        var before = await ChainHeadAsync();
        using var message = request.ToMessage();
        using var response = await _callers[request.Caller].SendAsync(message);
        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var body = await response.Content.ReadAsStringAsync();
        var after = await ChainHeadAsync();

        Assert.True(status < 500, $"{request} was answered {status}: {body[..Math.Min(300, body.Length)]}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{request} was answered {status} without a problem body");
            Assert.Equal(status, (int?)JsonNode.Parse(body)!["status"]);
        }

        var served = response.Headers.GetValues(EndpointStamp.Header).Single();
        // Routing itself may only say that no route has this path (404) or this method (405).
        Assert.True(served != "-" || status is 404 or 405, $"{request} was answered {status} by routing, not by a route");
        var audited = served == "1";
        Assert.True(after - before == (audited ? 1 : 0), $"{request} ({status}, audited {audited}) left {after - before} audit events");
        if (audited)
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{request} ({status}) may be cached");
        }
    }

    private async Task<long> ChainHeadAsync()
    {
        var reader = new AuditChainReader(_hub.Factory.Storage);
        return await reader.ReadLatestPartitionAsync(default) is { } partition && await reader.ReadHeadAsync(partition, default) is { } head ? head.Sequence : 0;
    }

    private HttpClient WithClaims(string subject, string role, string division, Dictionary<string, string>? more = null)
    {
        var claims = new Dictionary<string, string>(more ?? []) { [HubClaims.Division] = division };
        return _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint(subject, [role], claims));
    }
}
