using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditReportsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);
    private readonly string _from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
    private readonly string _to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_export_is_the_search_as_spreadsheet_safe_csv_and_is_audited_before_it_is_sent()
    {
        var log = _hub.Services.GetRequiredService<AuditLog>();
        await log.AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(1), user: "grid-worker-7") with { Purpose = "=HYPERLINK(\"http://x\")" });
        await log.AppendAsync(AuditTestStorage.Read(2, AuditTestStorage.Person(2), user: "grid-worker-8"));

        using var response = await Auditor().GetAsync(new Uri($"/api/audit/events/export?from={_from}&to={_to}&user=grid-worker-7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("audit-events.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFsequence,time,userId", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("grid-worker-7", row, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", row, StringComparison.Ordinal);
        var exports = await SearchAsync("&user=auditor-1");
        Assert.Contains(exports, e => (string?)e!["action"] == "audit.read" && (string?)e["resource"] == "GET /api/audit/events/export export");
    }

    [Fact]
    public async Task Who_looked_at_a_person_lists_each_access_and_each_user_by_key_only()
    {
        var log = _hub.Services.GetRequiredService<AuditLog>();
        var person = AuditTestStorage.Person(5);
        await log.AppendAsync(AuditTestStorage.Read(1, person, user: "grid-worker-7"));
        await log.AppendAsync(AuditTestStorage.Read(2, person, user: "grid-worker-7"));
        await log.AppendAsync(AuditTestStorage.Read(3, user: "street-officer-2") with { Action = AuditAction.DivisionList, PersonKeys = [AuditTestStorage.Person(6), person, AuditTestStorage.Person(7)] });
        await log.AppendAsync(AuditTestStorage.Read(4, AuditTestStorage.Person(6), user: "somebody-else"));

        var report = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/persons/{person}/accesses?from={_from}&to={_to}");

        Assert.Equal(person.Value, (string?)report!["personKey"]);
        Assert.Equal(3, report["accesses"]!.AsArray().Count);
        Assert.Equal(["grid-worker-7", "street-officer-2"], report["users"]!.AsArray().Select(u => (string?)u!["userId"]));
        Assert.Equal(2, (int?)report["users"]![0]!["accesses"]);
        Assert.Equal(2, (int?)report["accesses"]![2]!["otherPersons"]);
        Assert.DoesNotContain(AuditTestStorage.Person(6).Value, report.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_looked_at_a_person_as_csv_names_only_that_person()
    {
        var log = _hub.Services.GetRequiredService<AuditLog>();
        var person = AuditTestStorage.Person(15);
        await log.AppendAsync(AuditTestStorage.Read(3, user: "street-officer-2") with { Action = AuditAction.DivisionList, PersonKeys = [AuditTestStorage.Person(16), person] });

        using var response = await Auditor().GetAsync(new Uri($"/api/audit/persons/{person}/accesses?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("street-officer-2", text, StringComparison.Ordinal);
        Assert.Contains(person.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditTestStorage.Person(16).Value, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_list_break_glass_use_with_the_event_behind_it_and_are_audited()
    {
        var used = await _hub.Services.GetRequiredService<AuditLog>().AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(9), user: "medic", breakGlass: "collapsed in the stairwell"));

        var answer = await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/alerts?from={_from}&to={_to}");

        var alert = Assert.Single(answer!["alerts"]!.AsArray(), a => (string?)a!["kind"] == "breakGlass")!;
        Assert.Equal("medic", (string?)alert["userId"]);
        Assert.Equal([used.Sequence], alert["sequences"]!.AsArray().Select(s => (long)s!));
        Assert.Equal(200, (int?)answer["thresholds"]!["bulkAccessPerHour"]);
        Assert.Contains(await SearchAsync("&user=auditor-1"), e => (string?)e!["resource"] == "GET /api/audit/alerts alerts");
    }

    [Theory]
    [InlineData("/api/audit/alerts?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z")]
    [InlineData("/api/audit/alerts?from=2025-01-02T00:00:00Z")]
    [InlineData("/api/audit/events/export?to=2025-01-02T00:00:00Z")]
    [InlineData("/api/audit/events/export?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z&outcome=maybe")]
    [InlineData("/api/audit/persons/not-a-key/accesses")]
    [InlineData("/api/audit/persons/0123456789abcdef0123456789abcdef/accesses?format=xlsx")]
    public async Task A_report_asked_for_wrongly_is_a_problem_400(string path)
    {
        using var response = await Auditor().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/api/audit/events/export?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z")]
    [InlineData("/api/audit/persons/0123456789abcdef0123456789abcdef/accesses")]
    [InlineData("/api/audit/alerts?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z")]
    public async Task Only_auditors_reach_the_reports(string path)
    {
        using var steward = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-1", [HubRoles.DataSteward], "110100000000"));
        using var anonymous = _hub.CreateClient();

        using var forbidden = await steward.GetAsync(new Uri(path, UriKind.Relative));
        using var unauthorised = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    private async Task<JsonArray> SearchAsync(string filters) =>
        (await Auditor().GetFromJsonAsync<JsonNode>($"/api/audit/events?from={_from}&to={_to}{filters}"))!["events"]!.AsArray();

    private HttpClient Auditor() => _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("auditor-1", [HubRoles.Auditor], "110100000000"));
}
