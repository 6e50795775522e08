using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_auditor_verifies_a_range_and_finds_it_intact()
    {
        await _hub.Services.GetRequiredService<AuditLog>().AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(1)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var response = await Auditor().PostAsJsonAsync("/api/audit/verify", new { from = today.AddDays(-1), to = today.AddDays(1) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((bool?)body["intact"]);
        Assert.True((long?)body["eventsChecked"] >= 1);
    }

    [Fact]
    public async Task An_auditor_searches_who_looked_at_a_person_and_the_search_is_audited_too()
    {
        var log = _hub.Services.GetRequiredService<AuditLog>();
        await log.AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(5), user: "grid-worker-7"));
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));

        var page = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/events?from={from}&to={to}&personKey={AuditTestStorage.Person(5)}");
        var searches = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/events?from={from}&to={to}&user=auditor-1");

        Assert.Equal("grid-worker-7", (string?)Assert.Single(page!["events"]!.AsArray())!["userId"]);
        Assert.Contains(searches!["events"]!.AsArray(), e => (string?)e!["action"] == "audit.read");
    }

    [Fact]
    public async Task Only_auditors_reach_the_audit_trail()
    {
        using var steward = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-1", [HubRoles.DataSteward], "110100000000"));

        using var verify = await steward.PostAsJsonAsync("/api/audit/verify", new { from = "2025-03-01", to = "2025-03-01" });
        using var search = await steward.GetAsync(new Uri("/api/audit/events?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
    }

    [Fact]
    public async Task A_search_without_a_time_range_is_refused()
    {
        using var response = await Auditor().GetAsync(new Uri("/api/audit/events?user=someone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Auditor() => _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("auditor-1", [HubRoles.Auditor], "110100000000"));
}
