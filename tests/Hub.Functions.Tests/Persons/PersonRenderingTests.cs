using System.Net;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

[Collection(AzuriteFixture.Collection)]
public sealed class PersonRenderingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王小明", CommunityA1, "G01", CommunityA1),
        new Resident(2, "李四", CommunityA1, "G02", CommunityA1, Household: 1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_grid_worker_gets_the_name_but_never_the_id_number_and_the_phone_only_masked_for_a_purpose()
    {
        using var worker = _hub.GridWorker("G01");

        var plain = await JsonAsync(await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)));
        var visit = await JsonAsync(await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}?purpose=home-visit", UriKind.Relative)));

        Assert.Equal("王小明", (string?)plain["attributes"]!["name"]);
        Assert.Null(plain["attributes"]!["residentId"]);
        Assert.Null(plain["attributes"]!["phone"]);
        Assert.Null(visit["attributes"]!["residentId"]);
        Assert.Equal("138****5678", (string?)visit["attributes"]!["phone"]);
        Assert.DoesNotContain(Id(1), visit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", visit.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("***", (string?)visit["memberships"]![0]!["group"]);
    }

    [Fact]
    public async Task A_street_officer_with_a_purpose_gets_the_phone_in_full_and_the_id_number_masked()
    {
        var person = await JsonAsync(await _hub.StreetOfficer().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}?purpose=benefit-review", UriKind.Relative)));

        Assert.Equal("13812345678", (string?)person["attributes"]!["phone"]);
        Assert.Equal(Id(1)[..6] + "********" + Id(1)[^4..], (string?)person["attributes"]!["residentId"]);
        var dibao = person["memberships"]![0]!;
        Assert.Equal("dibao", (string?)dibao["group"]);
        Assert.Equal("1250", (string?)dibao["details"]!["assistanceAmount"]);
    }

    [Fact]
    public async Task The_audit_event_lists_the_fields_disclosed_and_which_were_masked_but_no_value()
    {
        await _hub.StreetOfficer().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}?purpose=benefit-review", UriKind.Relative));

        var read = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.PersonRead);
        Assert.Equal("benefit-review", read.Event.Purpose);
        Assert.Contains(new Hub.Core.Audit.DisclosedField("residentId", Masked: true), read.Event.Fields);
        Assert.Contains(new Hub.Core.Audit.DisclosedField("phone", Masked: false), read.Event.Fields);
        Assert.Equal([_hub.KeyOf(1)], read.Event.PersonKeys.Select(k => k.Value));
        Assert.DoesNotContain(Id(1), read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_officer_sees_their_own_departments_facts_in_full()
    {
        using var officer = _hub.As("civil-officer", HubRoles.DepartmentOfficer, District, department: "civil-affairs");

        var person = await JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)));

        Assert.Equal("13812345678", (string?)person["attributes"]!["phone"]);
        Assert.Equal("1250", (string?)person["memberships"]![0]!["details"]!["assistanceAmount"]);
    }

    [Fact]
    public async Task A_look_up_by_id_number_in_the_body_finds_the_person_and_an_unknown_purpose_is_400()
    {
        using var worker = _hub.GridWorker("G01");

        using var found = await PostAsync(worker, "/api/persons/lookup", new { residentId = Id(1), purpose = "home-visit" });
        using var badPurpose = await PostAsync(worker, "/api/persons/lookup", new { residentId = Id(1), purpose = "curiosity" });

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(_hub.KeyOf(1), (string?)(await JsonAsync(found))["personKey"]);
        Assert.Equal(HttpStatusCode.BadRequest, badPurpose.StatusCode);
        Assert.DoesNotContain(_hub.Factory.Logs.Lines, l => l.Contains(Id(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_household_leaves_out_members_outside_the_grid_workers_grid()
    {
        var household = await JsonAsync(await _hub.GridWorker("G01").GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}/household", UriKind.Relative)));
        var whole = await JsonAsync(await _hub.StreetOfficer().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}/household", UriKind.Relative)));

        Assert.Equal([_hub.KeyOf(1)], household["members"]!.AsArray().Select(m => (string?)m!["personKey"]));
        Assert.Equal(2, whole["members"]!.AsArray().Count);
    }
}
