using System.Net;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>Data stewards read whole profiles of the persons in their division, and of nobody else.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StewardScopeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(2, "王二", CommunityB1, "G02", CommunityB1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_street_steward_reads_the_profiles_of_their_street_and_finds_nobody_elsewhere()
    {
        using var steward = _hub.As("steward-a", HubRoles.DataSteward, StreetA);
        var before = (await _hub.EventsAsync()).Count;

        using var own = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(1)}", UriKind.Relative));
        using var other = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(2)}", UriKind.Relative));
        using var byId = await PostAsync(steward, "/api/profiles/lookup", new { residentId = Id(2) });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        var events = (await _hub.EventsAsync()).Skip(before).ToList();
        Assert.Equal([AuditOutcome.Allowed, AuditOutcome.Denied, AuditOutcome.Denied], events.Select(e => e.Event.Outcome));
        Assert.All(events.Skip(1), e => Assert.Equal([_hub.KeyOf(2)], e.Event.PersonKeys.Select(k => k.Value)));
    }

    [Fact]
    public async Task A_city_steward_reads_every_profile_of_the_city()
    {
        using var steward = _hub.As("steward-city", HubRoles.DataSteward, "110100000000");

        using var first = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(1)}", UriKind.Relative));
        using var second = await steward.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(2)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_street_steward_cannot_merge_a_person_of_another_street()
    {
        using var steward = _hub.As("steward-a", HubRoles.DataSteward, StreetA);

        using var merge = await PostAsync(steward, "/api/resolution/persons/merge", new { from = _hub.KeyOf(2), into = _hub.KeyOf(1), reason = "same person" });
        using var history = await steward.GetAsync(new Uri($"/api/resolution/persons/{_hub.KeyOf(2)}/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, merge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        using var city = _hub.As("steward-city", HubRoles.DataSteward, "110100000000");
        using var into = await city.GetAsync(new Uri($"/api/profiles/{_hub.KeyOf(1)}", UriKind.Relative));
        Assert.DoesNotContain(_hub.KeyOf(2), await into.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
