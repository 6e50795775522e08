using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Checks;

/// <summary>
/// A 低保 recipient of street A whose death the police report, and a living one of street B: the worklist of civil
/// affairs and of street A holds one item with the facts behind it, nobody else's does, and it is decided, kept and
/// resolved through the API, each request leaving one audit event.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class WorklistApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string City = "110100000000";
    private const string Police = "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n";
    private const string Civil = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,终止日期,居住地区划代码,网格,联系电话,现住址\r\n";

    private readonly PersonsHub _hub = new(azurite);
    private string _policeBatch = string.Empty;

    public async Task InitializeAsync()
    {
        _policeBatch = (await PushAsync("police", Police
            + $"{Id(1)},张伟,男,H1,户主,朝阳区幸福里1号,{CommunityA1},户籍,{CommunityA1},G01,死亡,2026-05-12\r\n"
            + $"{Id(2)},李强,男,H2,户主,朝阳区幸福里2号,{CommunityB1},户籍,{CommunityB1},G01,正常,\r\n")).Id;
        await PushCivilAsync(phone: "13812345678", validTo: string.Empty);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_death_the_police_report_opens_one_item_for_civil_affairs_and_the_street_with_the_facts_as_evidence()
    {
        using var civilAffairs = CivilAffairsOfficer();
        using var streetA = _hub.StreetOfficer(StreetA);

        var forDepartment = await ListAsync(civilAffairs, "?status=open");
        var forStreet = await ListAsync(streetA, "?status=open&rule=benefit-after-death");

        var item = Assert.Single(forDepartment);
        Assert.Equal((string?)item["id"], (string?)Assert.Single(forStreet)["id"]);
        Assert.Equal(("benefit-after-death", "civil-affairs", _hub.KeyOf(1), "open"), ((string?)item["rule"], (string?)item["owner"], (string?)item["personKey"], (string?)item["status"]));
        Assert.Equal("死亡人员仍享受救助待遇", (string?)item["title"]!["zh-CN"]);
        Assert.Equal("张伟", (string?)item["name"]);
        var evidence = item["evidence"]!.AsArray();
        Assert.Equal(("status", "police", _policeBatch, "2026-05-12"), ((string?)evidence[0]!["kind"], (string?)evidence[0]!["source"], (string?)evidence[0]!["batch"], (string?)evidence[0]!["attributes"]!["deathDate"]));
        Assert.Equal(("membership", "civil-affairs", "dibao", "2024-03-01"), ((string?)evidence[1]!["kind"], (string?)evidence[1]!["source"], (string?)evidence[1]!["group"], (string?)evidence[1]!["attributes"]!["validFrom"]));
        var opened = Assert.Single(item["history"]!.AsArray())!;
        Assert.Equal(("opened", "hub"), ((string?)opened["action"], (string?)opened["by"]));

        var reads = (await _hub.EventsAsync()).Where(e => e.Event.Action.Value == "worklist.read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal((AuditOutcome.Allowed, _hub.KeyOf(1)), (r.Event.Outcome, Assert.Single(r.Event.PersonKeys).Value)));
        Assert.Contains(reads[0].Event.Fields, f => f.Name == "deathDate");
    }

    [Fact]
    public async Task Another_street_and_another_department_see_nothing_and_asking_for_the_item_is_not_found_and_denied()
    {
        using var civilAffairs = CivilAffairsOfficer();
        var id = (string?)Assert.Single(await ListAsync(civilAffairs, string.Empty))["id"];
        using var streetB = _hub.StreetOfficer(StreetB, "street-b");
        using var federation = _hub.As("federation", HubRoles.DepartmentOfficer, City, department: "disability-federation");

        Assert.Empty(await ListAsync(streetB, string.Empty));
        Assert.Empty(await ListAsync(federation, string.Empty));
        using var outside = await streetB.GetAsync(new Uri($"/api/worklist/{id}", UriKind.Relative));
        using var otherDepartment = await federation.GetAsync(new Uri($"/api/worklist/{id}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (outside.StatusCode, otherDepartment.StatusCode));
        var denied = (await _hub.EventsAsync()).Where(e => e.Event.Action.Value == "worklist.read" && e.Event.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, d => Assert.Equal(_hub.KeyOf(1), Assert.Single(d.Event.PersonKeys).Value));
        Assert.All(denied, d => Assert.Empty(d.Event.Fields));
    }

    [Fact]
    public async Task A_street_officer_confirms_an_item_once_with_a_reason_and_its_history_says_who_and_when()
    {
        using var streetA = _hub.StreetOfficer(StreetA, "wang-officer");
        var id = (string?)Assert.Single(await ListAsync(streetA, string.Empty))["id"];

        using var noReason = await PostAsync(streetA, $"/api/worklist/{id}/decision", new { status = "dismissed" });
        using var badStatus = await PostAsync(streetA, $"/api/worklist/{id}/decision", new { status = "closed", reason = "x" });
        using var unknown = await PostAsync(streetA, $"/api/worklist/{new string('a', 32)}/decision", new { status = "confirmed", reason = "x" });
        using var malformed = await PostAsync(streetA, "/api/worklist/not-an-id/decision", new { status = "confirmed", reason = "x" });
        using var confirmed = await PostAsync(streetA, $"/api/worklist/{id}/decision", new { status = "confirmed", reason = "入户核实：本人已去世，转民政停发" });
        using var again = await PostAsync(streetA, $"/api/worklist/{id}/decision", new { status = "dismissed", reason = "重复" });

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.Conflict],
            new[] { noReason, badStatus, unknown, malformed, confirmed, again }.Select(r => r.StatusCode));
        Assert.All(new[] { noReason, badStatus, unknown, malformed, again }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        var item = await JsonAsync(confirmed);
        Assert.Equal("confirmed", (string?)item["status"]);
        var step = item["history"]!.AsArray()[^1]!;
        Assert.Equal(("confirmed", "wang-officer", "入户核实：本人已去世，转民政停发"), ((string?)step["action"], (string?)step["by"], (string?)step["reason"]));
        Assert.Empty(await ListAsync(streetA, "?status=open"));
        Assert.Single(await ListAsync(streetA, "?status=confirmed"));

        var decisions = (await _hub.EventsAsync()).Where(e => e.Event.Action.Value == "worklist.decision").ToList();
        Assert.Equal(6, decisions.Count);
        Assert.Equal(2, decisions.Count(d => d.Event.PersonKeys.Any(k => k.Value == _hub.KeyOf(1)) && d.Event.Outcome != AuditOutcome.Denied));
    }

    [Fact]
    public async Task A_grid_worker_sees_the_items_of_their_grid_but_may_not_decide_and_the_refusal_is_audited()
    {
        using var grid = _hub.GridWorker("G01", CommunityA1);
        var id = (string?)Assert.Single(await ListAsync(grid, string.Empty))["id"];

        using var refused = await PostAsync(grid, $"/api/worklist/{id}/decision", new { status = "confirmed", reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var denied = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action.Value == "worklist.decision");
        Assert.Equal((AuditOutcome.Denied, _hub.KeyOf(1)), (denied.Event.Outcome, Assert.Single(denied.Event.PersonKeys).Value));
        Assert.Equal("open", (string?)Assert.Single(await ListAsync(grid, string.Empty))["status"]);
    }

    [Fact]
    public async Task Bad_filters_are_a_problem_naming_the_parameter()
    {
        using var streetA = _hub.StreetOfficer(StreetA);

        foreach (var query in new[] { "?status=Open", "?status=closed", "?rule=no-such-check", "?pageSize=0", "?pageSize=201", "?continuationToken=forged.token" })
        {
            using var response = await streetA.GetAsync(new Uri("/api/worklist" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var steward = _hub.As("steward", HubRoles.DataSteward, City);
        using var refused = await steward.GetAsync(new Uri("/api/worklist", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task New_data_that_keeps_the_contradiction_opens_nothing_new_and_data_that_ends_it_resolves_the_item()
    {
        using var civilAffairs = CivilAffairsOfficer();
        var id = (string?)Assert.Single(await ListAsync(civilAffairs, string.Empty))["id"];

        await PushCivilAsync(phone: "13900000000", validTo: string.Empty);
        var still = Assert.Single(await ListAsync(civilAffairs, string.Empty));
        Assert.Equal((id, "open", 1), ((string?)still["id"], (string?)still["status"], still["history"]!.AsArray().Count));

        await PushCivilAsync(phone: "13900000000", validTo: "2026-05-31");
        var resolved = Assert.Single(await ListAsync(civilAffairs, string.Empty));
        Assert.Equal((id, "resolved"), ((string?)resolved["id"], (string?)resolved["status"]));
        Assert.Equal(["opened", "resolved"], resolved["history"]!.AsArray().Select(h => (string?)h!["action"]));
        Assert.Empty(await ListAsync(civilAffairs, "?status=open"));
        using var closed = await PostAsync(civilAffairs, $"/api/worklist/{id}/decision", new { status = "confirmed", reason = "已停发" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
    }

    private HttpClient CivilAffairsOfficer() => _hub.As("qian-civil-affairs-officer", HubRoles.DepartmentOfficer, City, department: "civil-affairs");

    private async Task PushCivilAsync(string phone, string validTo) => await PushAsync("civil-affairs", Civil
        + $"{Id(1)},张伟,男,城市低保,1250,2024/3/1,{validTo},{CommunityA1},G01,{phone},北京市朝阳区和平街道安华里社区3号楼\r\n"
        + $"{Id(2)},李强,男,城市低保,1250,2024/3/1,,{CommunityB1},G01,{phone},北京市朝阳区和平街道安华里社区5号楼\r\n", "snapshot");

    private async Task<BatchReport> PushAsync(string source, string csv, string? mode = null)
    {
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv), "text/csv", mode);
        Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        return report;
    }

    // Every page of a worklist, following the continuation.
    private static async Task<List<JsonNode>> ListAsync(HttpClient client, string query)
    {
        var items = new List<JsonNode>();
        string? continuation = null;
        do
        {
            var path = "/api/worklist" + query + (continuation is null ? string.Empty : (query.Length == 0 ? "?" : "&") + "continuationToken=" + Uri.EscapeDataString(continuation));
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await JsonAsync(response);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            continuation = (string?)page["continuationToken"];
        }
        while (continuation is not null);
        return items;
    }
}
