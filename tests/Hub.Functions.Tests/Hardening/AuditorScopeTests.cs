using System.Net;
using Hub.Core.Access;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>A city's auditor reviews the whole trail; a district's reviews the users placed in the district.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AuditorScopeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OtherDistrict = "110108000000";
    private readonly PersonsHub _hub = new(azurite);
    private readonly string _range = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}";

    public async Task InitializeAsync()
    {
        await _hub.LoadAsync(new Resident(1, "王一", CommunityA1, "G01", CommunityA1));
        using var inside = _hub.StreetOfficer(subject: "officer-inside");
        using var outside = _hub.As("officer-outside", HubRoles.DistrictOfficer, OtherDistrict);
        (await inside.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative))).Dispose();
        (await outside.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative))).Dispose();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_district_auditor_finds_the_events_of_their_districts_users_only()
    {
        using var district = _hub.As("auditor-district", HubRoles.Auditor, District);
        using var city = _hub.As("auditor-city", HubRoles.Auditor, "110100000000");

        var theirs = await UsersAsync(district, $"/api/audit/events?{_range}");
        var all = await UsersAsync(city, $"/api/audit/events?{_range}");
        var report = await UsersAsync(district, $"/api/audit/persons/{_hub.KeyOf(1)}/accesses?{_range}", "accesses");

        Assert.Contains("officer-inside", theirs);
        Assert.DoesNotContain("officer-outside", theirs);
        Assert.DoesNotContain("civil-affairs-client", theirs);
        Assert.Contains("officer-outside", all);
        Assert.Contains("civil-affairs-client", all);
        Assert.Equal(["officer-inside"], report.Distinct());
    }

    [Fact]
    public async Task A_district_auditor_asking_for_another_district_is_refused()
    {
        using var district = _hub.As("auditor-district", HubRoles.Auditor, District);

        using var response = await district.GetAsync(new Uri($"/api/audit/events?{_range}&division=110108", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<List<string>> UsersAsync(HttpClient auditor, string path, string list = "events")
    {
        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response))[list]!.AsArray().Select(e => (string)e!["userId"]!).ToList();
    }
}
