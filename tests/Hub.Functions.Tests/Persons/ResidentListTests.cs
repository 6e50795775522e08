using System.Net;
using System.Text.Json.Nodes;
using Hub.Core.Access.Residents;
using Hub.Core.Audit;
using Hub.Core.Identity.Keys;
using Hub.Functions.Persons;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

[Collection(AzuriteFixture.Collection)]
public sealed class ResidentListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly int[] StreetAResidents = [1, 2, 3, 5, 6];
    private static readonly int[] GridG01Residents = [1, 5];

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(2, "王二", CommunityA1, "G02", CommunityB1),
        new Resident(3, "王三", CommunityA2, "G01", CommunityA2),
        new Resident(4, "王四", CommunityB1, "G01", CommunityB1),
        new Resident(5, "王五", CommunityA1, "G01", CommunityA1),
        new Resident(6, "王六", CommunityB1, "G02", CommunityA1),
        new Resident(7, "王七", CommunityA1, "G01", CommunityA1, Dibao: false));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_district_list_pages_in_three_and_never_shows_a_person_twice()
    {
        using var officer = _hub.DistrictOfficer();
        var pages = new List<JsonArray>();
        string? continuation = null;
        do
        {
            var path = "/api/residents?pageSize=2" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            using var response = await officer.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await JsonAsync(response);
            pages.Add(page["items"]!.AsArray());
            continuation = (string?)page["continuation"];
        }
        while (continuation is not null && pages.Count < 10);

        var keys = pages.SelectMany(p => p.Select(i => (string)i!["personKey"]!)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(2, p.Count));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 6).Select(_hub.KeyOf).Order(), keys.Order());
    }

    [Fact]
    public async Task A_street_list_shows_a_person_once_when_residence_and_registration_are_both_inside()
    {
        using var officer = _hub.StreetOfficer();

        var items = (await JsonAsync(await officer.GetAsync(new Uri("/api/residents?pageSize=200", UriKind.Relative))))["items"]!.AsArray();

        var keys = items.Select(i => (string)i!["personKey"]!).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(StreetAResidents.Select(_hub.KeyOf).Order(), keys.Order());
        var registeredHere = Assert.Single(items, i => (string?)i!["personKey"] == _hub.KeyOf(6));
        Assert.Equal(["registration"], registeredHere!["places"]!.AsArray().Select(p => (string?)p));
        Assert.DoesNotContain(_hub.KeyOf(7), keys);
    }

    [Fact]
    public async Task A_grid_worker_lists_only_their_grid()
    {
        using var worker = _hub.GridWorker("G01");

        var items = (await JsonAsync(await worker.GetAsync(new Uri("/api/residents", UriKind.Relative))))["items"]!.AsArray();

        Assert.Equal(GridG01Residents.Select(_hub.KeyOf).Order(), items.Select(i => (string)i!["personKey"]!).Order());
        Assert.All(items, i => Assert.Equal("G01", (string?)i!["grid"]));
    }

    [Fact]
    public async Task A_grid_worker_asking_for_another_grid_or_street_is_404_and_audited_as_denied()
    {
        using var worker = _hub.GridWorker("G01");

        using var otherGrid = await worker.GetAsync(new Uri($"/api/residents?division={CommunityA1}&grid=G02", UriKind.Relative));
        using var otherStreet = await worker.GetAsync(new Uri($"/api/residents?division={StreetB}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, otherGrid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStreet.StatusCode);
        var denied = (await _hub.EventsAsync()).Where(e => e.Event.Action == AuditAction.DivisionList && e.Event.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal(2, denied.Count);
    }

    [Fact]
    public async Task A_tampered_continuation_token_is_400()
    {
        using var officer = _hub.DistrictOfficer();
        var first = await JsonAsync(await officer.GetAsync(new Uri("/api/residents?pageSize=2", UriKind.Relative)));
        var token = (string)first["continuation"]!;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var bent = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var forgedPosition = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("[\"110108\",\"\"]"u8) + token[dot..];

        foreach (var attempt in new[] { bent, forgedPosition, token + "x", "not-a-token" })
        {
            using var response = await officer.GetAsync(new Uri("/api/residents?pageSize=2&continuation=" + Uri.EscapeDataString(attempt), UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_continuation_token_does_not_work_for_another_user_or_another_query()
    {
        using var officer = _hub.DistrictOfficer();
        var token = Uri.EscapeDataString((string)(await JsonAsync(await officer.GetAsync(new Uri("/api/residents?pageSize=2", UriKind.Relative))))["continuation"]!);

        using var colleague = await _hub.DistrictOfficer("another-officer").GetAsync(new Uri("/api/residents?pageSize=2&continuation=" + token, UriKind.Relative));
        using var otherQuery = await officer.GetAsync(new Uri($"/api/residents?division={StreetB}&pageSize=2&continuation=" + token, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, colleague.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherQuery.StatusCode);
    }

    [Fact]
    public void A_continuation_token_pages_on_again_within_the_hour_and_not_after()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 30, 8, 0, 0, TimeSpan.Zero));
        var tokens = new ContinuationTokens(_hub.Factory.Services.GetRequiredService<PersonKeyHasher>(), time);
        var token = tokens.Issue(new ResidentListPosition("110105001", "001|G01|" + _hub.KeyOf(1)), "street-officer", "query");

        time.Advance(TimeSpan.FromMinutes(59));
        var reloaded = tokens.TryRead(token, "street-officer", "query", out var position) && tokens.TryRead(token, "street-officer", "query", out _);
        time.Advance(TimeSpan.FromMinutes(2));
        var late = tokens.TryRead(token, "street-officer", "query", out _);

        Assert.True(reloaded);
        Assert.Equal("110105001", position!.PartitionKey);
        Assert.False(late);
    }

    [Fact]
    public async Task A_filter_value_cannot_widen_the_query()
    {
        using var officer = _hub.StreetOfficer();

        using var injected = await officer.GetAsync(new Uri("/api/residents?household=" + Uri.EscapeDataString("x' or PartitionKey ne '"), UriKind.Relative));
        using var injectedDivision = await officer.GetAsync(new Uri("/api/residents?division=" + Uri.EscapeDataString("110105001' or '1' eq '1"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, injected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, injectedDivision.StatusCode);
    }

    [Fact]
    public async Task A_group_filter_lists_that_groups_residents_for_a_role_shown_the_group()
    {
        using var officer = _hub.StreetOfficer();

        using var withoutPurpose = await officer.GetAsync(new Uri("/api/residents?group=dibao", UriKind.Relative));
        var withPurpose = await JsonAsync(await officer.GetAsync(new Uri("/api/residents?group=dibao&purpose=benefit-review&pageSize=200", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Forbidden, withoutPurpose.StatusCode);
        Assert.Equal(5, withPurpose["items"]!.AsArray().Count);
        Assert.All(withPurpose["items"]!.AsArray(), i => Assert.Equal(["dibao"], i!["groups"]!.AsArray().Select(g => (string?)g)));
    }
}
