using System.Net;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>Validly signed tokens whose claims the Hub cannot use: refused, audited, never a 503.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TokenClaimsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(new Resident(1, "王一", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public static TheoryData<string, string?> UnusableIdentifiers => new()
    {
        { " ", null },
        { new string('s', 2000), null },
        { "officer 7", null },
        { "officer-7", new string('c', 2000) },
    };

    [Theory]
    [MemberData(nameof(UnusableIdentifiers))]
    public async Task A_token_whose_subject_or_client_is_no_identifier_is_refused_401_and_audited_as_anonymous(string subject, string? client)
    {
        var claims = new Dictionary<string, string> { [HubClaims.Division] = StreetA };
        if (client is not null)
        {
            claims["azp"] = client;
        }

        using var caller = _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint(subject, [HubRoles.StreetOfficer], claims));
        var before = (await _hub.EventsAsync()).Count;

        using var response = await caller.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var recorded = Assert.Single((await _hub.EventsAsync()).Skip(before));
        Assert.Equal(AuditRecorder.Anonymous, recorded.Event.Actor.UserId);
        Assert.Equal(AuditOutcome.Denied, recorded.Event.Outcome);
    }

    [Theory]
    [InlineData(HubRoles.DataSteward, "/api/profiles/{key}")]
    [InlineData(HubRoles.DataSteward, "/api/resolution/queue")]
    [InlineData(HubRoles.Auditor, "/api/audit/events?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z")]
    [InlineData(HubRoles.Auditor, "/api/audit/alerts?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z")]
    [InlineData(HubRoles.StreetOfficer, "/api/persons/{key}")]
    [InlineData(HubRoles.StreetOfficer, "/api/residents")]
    [InlineData(HubRoles.GridWorker, "/api/sources")]
    public async Task A_personal_token_without_a_division_is_refused_on_every_route_with_the_claim_named(string role, string path)
    {
        using var caller = _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint("no-division", [role]));

        using var response = await caller.GetAsync(new Uri(path.Replace("{key}", _hub.KeyOf(1), StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("division", (string?)(await JsonAsync(response))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_street_officer_placed_at_a_community_is_refused_with_the_level_named()
    {
        using var caller = _hub.Factory.CreateClientWithToken(DevelopmentTokens.Mint("misplaced", [HubRoles.StreetOfficer], new Dictionary<string, string> { [HubClaims.Division] = CommunityA1 }));
        var before = (await _hub.EventsAsync()).Count;

        using var response = await caller.GetAsync(new Uri("/api/residents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("street", (string?)(await JsonAsync(response))["detail"], StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, Assert.Single((await _hub.EventsAsync()).Skip(before)).Event.Outcome);
    }
}
