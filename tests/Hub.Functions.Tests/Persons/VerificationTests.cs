using System.Net;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

[Collection(AzuriteFixture.Collection)]
public sealed class VerificationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(4, "王四", CommunityB1, "G01", CommunityB1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_dibao_claim_is_answered_yes_with_the_day_and_source_and_nothing_else()
    {
        using var response = await PostAsync(_hub.StreetOfficer(), "/api/verifications", new { residentId = Id(1), claim = new { kind = "inGroup", group = "dibao", on = "2025-03-01" }, purpose = "eligibility-check" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"answer\":true,\"asOf\":\"2025-03-01\",\"source\":\"civil-affairs\"}", await response.Content.ReadAsStringAsync());
        var verified = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.ClaimVerify);
        Assert.Equal(AuditOutcome.Allowed, verified.Event.Outcome);
        Assert.Equal([_hub.KeyOf(1)], verified.Event.PersonKeys.Select(k => k.Value));
    }

    [Fact]
    public async Task Claims_that_do_not_hold_are_answered_no()
    {
        using var officer = _hub.StreetOfficer();

        var beforeStart = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "inGroup", group = "dibao", on = "2023-01-01" }, purpose = "eligibility-check" }));
        var disability = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "disabilityGradeAtMost", grade = 2 }, purpose = "eligibility-check" }));
        var elsewhere = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "livesIn", division = StreetB } }));
        var here = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "livesIn", division = StreetA } }));

        Assert.False((bool)beforeStart["answer"]!);
        Assert.False((bool)disability["answer"]!);
        Assert.False((bool)elsewhere["answer"]!);
        Assert.True((bool)here["answer"]!);
    }

    [Fact]
    public async Task A_resident_outside_the_jurisdiction_is_404_and_a_bad_claim_is_400()
    {
        using var officer = _hub.StreetOfficer();

        using var outside = await PostAsync(officer, "/api/verifications", new { residentId = Id(4), claim = new { kind = "inGroup", group = "dibao" }, purpose = "eligibility-check" });
        using var badClaim = await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "isRich" } });

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badClaim.StatusCode);
        Assert.Contains(await _hub.EventsAsync(), e => e.Event.Outcome == AuditOutcome.Denied && e.Event.PersonKeys.Any(k => k.Value == _hub.KeyOf(4)));
    }
}
