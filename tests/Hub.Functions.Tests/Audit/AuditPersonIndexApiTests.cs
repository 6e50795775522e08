using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Tests.Shared;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditPersonIndexApiTests : IAsyncLifetime
{
    private readonly TableRequestLog _requests = new();
    private readonly PersonsHub _hub;

    public AuditPersonIndexApiTests(AzuriteFixture azurite) =>
        _hub = new PersonsHub(azurite, testServices: services => _requests.AddTo(services, azurite.ConnectionString));

    public async Task InitializeAsync() => await _hub.LoadAsync(new Resident(1, "王小明", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync()
    {
        await _hub.Factory.Storage.AuditByPerson.CreateIfNotExistsAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_person_read_is_answered_after_one_audit_write_and_no_person_index_write()
    {
        using var officer = _hub.StreetOfficer();
        var (audit, index) = (_hub.Factory.Storage.Audit.Name, _hub.Factory.Storage.AuditByPerson.Name);
        JsonNode? report;
        using (_requests.HoldWrites(index))
        {
            var (auditWrites, indexWrites) = (_requests.Writes(audit), _requests.Writes(index));
            using var response = await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, _requests.Writes(audit) - auditWrites);
            Assert.Equal(0, _requests.Writes(index) - indexWrites);
            report = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/persons/{_hub.KeyOf(1)}/accesses").WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Contains(report!["accesses"]!.AsArray(), a => (string?)a!["userId"] == "street-officer" && (string?)a["action"] == AuditAction.PersonRead.Value);
    }

    [Fact]
    public async Task Without_the_person_index_reads_still_answer_and_the_report_lists_them_from_the_chain()
    {
        using var officer = _hub.StreetOfficer();
        await _hub.Factory.Storage.AuditByPerson.DeleteAsync();

        using var person = await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));
        using var list = await officer.GetAsync(new Uri("/api/residents", UriKind.Relative));
        var report = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/persons/{_hub.KeyOf(1)}/accesses");

        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var chained = (await _hub.EventsAsync()).Where(e => e.Event.Actor.UserId == "street-officer").Select(e => e.Event.Action).ToList();
        Assert.Equal([AuditAction.PersonRead, AuditAction.DivisionList], chained);
        var listed = report!["accesses"]!.AsArray().Where(a => (string?)a!["userId"] == "street-officer").Select(a => (string?)a!["action"]);
        Assert.Equal([AuditAction.PersonRead.Value, AuditAction.DivisionList.Value], listed);
    }

    private HttpClient Auditor() => _hub.As("auditor-1", HubRoles.Auditor, District);
}
