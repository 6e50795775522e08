using System.Net;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

[Collection(AzuriteFixture.Collection)]
public sealed class BreakGlassTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(2, "王二", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_grid_worker_breaks_the_glass_for_one_person_and_sees_group_details_with_the_reason_audited()
    {
        using var worker = _hub.GridWorker("G01");

        using var grant = await PostAsync(worker, $"/api/persons/{_hub.KeyOf(1)}/break-glass", new { reason = "火警 2026-118: 转移独居老人" });
        var elevated = await JsonAsync(await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)));
        var other = await JsonAsync(await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(2)}", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal("emergency-assistance", (string?)(await JsonAsync(grant))["purpose"]);
        Assert.True((bool)elevated["breakGlass"]!);
        Assert.Equal("dibao", (string?)elevated["memberships"]![0]!["group"]);
        Assert.Equal("1250", (string?)elevated["memberships"]![0]!["details"]!["assistanceAmount"]);
        Assert.Null(elevated["attributes"]!["residentId"]);
        Assert.Null(other["breakGlass"]);
        var events = await _hub.EventsAsync();
        var granted = Assert.Single(events, e => e.Event.Action == AuditAction.BreakGlassGrant);
        Assert.Equal("火警 2026-118: 转移独居老人", granted.Event.BreakGlassReason);
        var read = events.Where(e => e.Event.Action == AuditAction.PersonRead).ToList();
        Assert.Equal([true, false], read.Select(e => e.Event.IsBreakGlass));
    }

    [Fact]
    public async Task A_role_the_policy_does_not_list_cannot_break_the_glass_and_a_reason_is_required()
    {
        using var refused = await PostAsync(_hub.DistrictOfficer(), $"/api/persons/{_hub.KeyOf(1)}/break-glass", new { reason = "checking" });
        using var noReason = await PostAsync(_hub.GridWorker("G01"), $"/api/persons/{_hub.KeyOf(1)}/break-glass", new { reason = " " });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }
}
