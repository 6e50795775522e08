using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class AuditCommandTests : IDisposable
{
    private const string Nobody = "http://127.0.0.1:9";
    private const string PersonKey = "0123456789abcdef0123456789abcdef";
    private const string Intact = """{"from":"2025-03-01","to":"2025-03-31","eventsChecked":1204,"checkpointsChecked":3,"firstFinding":null,"intact":true}""";
    private const string Edited = """
        {"from":"2025-03-01","to":"2025-03-31","eventsChecked":57,"checkpointsChecked":1,
         "firstFinding":{"kind":"edited","sequence":42,"lastSequence":null,"partition":"d20250302","detail":"The event's content no longer hashes to its stored hash."},"intact":false}
        """;

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Verify_prints_intact_and_exits_0_with_a_development_auditor_token_when_none_is_given()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Intact));

        var run = await Cli.RunAsync(hub, "audit", "verify", "--from", "2025-03-01", "--to", "2025-03-31");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Intact: 2025-03-01 to 2025-03-31: 1204 events and 3 checkpoints checked.", run.Output, StringComparison.Ordinal);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/audit/verify", request.RequestUri!.AbsolutePath);
        var sent = JsonNode.Parse(Encoding.UTF8.GetString(body))!;
        Assert.Equal("2025-03-01", (string?)sent["from"]);
        Assert.Equal("2025-03-31", (string?)sent["to"]);
        var token = new JsonWebToken(request.Headers.Authorization!.Parameter);
        Assert.Equal(HubRoles.Auditor, token.GetClaim(HubClaims.Roles).Value);
        Assert.Equal(AuditCommand.DefaultDivision, token.GetClaim(HubClaims.Division).Value);
        Assert.Contains("development token", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_says_how_many_checkpoints_had_their_tree_heads_checked()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Intact.Replace("\"checkpointsChecked\":3", "\"checkpointsChecked\":3,\"treeHeadsChecked\":2", StringComparison.Ordinal)));

        var run = await Cli.RunAsync(hub, "audit", "verify", "--from", "2025-03-01", "--to", "2025-03-31", "--token", "t");

        Assert.Contains("Intact: 2025-03-01 to 2025-03-31: 1204 events and 3 checkpoints (2 with tree heads) checked.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_first_finding_and_exits_1_when_the_trail_was_tampered_with()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Edited));

        var run = await Cli.RunAsync(hub, "audit", "verify", "--from", "2025-03-01", "--to", "2025-03-31", "--token", "t");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("Tampering found: edited at sequence 42, day 2025-03-02.", run.Output, StringComparison.Ordinal);
        Assert.Equal("t", hub.Requests[0].Request.Headers.Authorization!.Parameter);
    }

    [Fact]
    public async Task Verify_with_json_prints_the_hubs_answer()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Edited));

        var run = await Cli.RunAsync(hub, "audit", "verify", "--from", "2025-03-01", "--to", "2025-03-31", "--token", "t", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("edited", (string?)JsonNode.Parse(run.Output)!["firstFinding"]!["kind"]);
    }

    [Fact]
    public async Task Events_follows_every_page_with_the_filters_asked_for()
    {
        var hub = new StubHub((request, n) => StubHub.Json(HttpStatusCode.OK, n == 1
            ? """{"events":[{"sequence":7,"time":"2025-03-01T08:00:00Z","userId":"grid-worker-7","role":"Hub.GridWorker","division":"110105001001","divisionName":"安贞里社区","divisionPath":"朝阳区 / 和平街道 / 安贞里社区","action":"person.read","personKeys":["0123456789abcdef0123456789abcdef"],"purpose":"case-1","outcome":"allowed","recordCount":1}],"continuation":"next page"}"""
            : """{"events":[{"sequence":9,"time":"2025-03-01T09:00:00Z","userId":"grid-worker-7","division":"110105099001","action":"person.read","personKeys":["0123456789abcdef0123456789abcdef"],"breakGlassReason":"emergency","outcome":"allowed","recordCount":1}],"continuation":null}"""));

        var run = await Cli.RunAsync(hub, "audit", "events", "--from", "2025-03-01", "--to", "2025-03-01", "--user", "grid-worker-7", "--person", PersonKey, "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, hub.Requests.Count);
        var first = Uri.UnescapeDataString(hub.Requests[0].Request.RequestUri!.Query);
        Assert.Contains("from=2025-03-01T00:00:00.0000000+00:00", first, StringComparison.Ordinal);
        Assert.Contains("to=2025-03-02T00:00:00.0000000+00:00", first, StringComparison.Ordinal);
        Assert.Contains("user=grid-worker-7", first, StringComparison.Ordinal);
        Assert.Contains($"personKey={PersonKey}", first, StringComparison.Ordinal);
        Assert.Contains("continuation=next page", Uri.UnescapeDataString(hub.Requests[1].Request.RequestUri!.Query), StringComparison.Ordinal);
        Assert.Contains("2 events", run.Error, StringComparison.Ordinal);
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"7  2025-03-01T08:00:00Z  grid-worker-7  Hub.GridWorker  安贞里社区(110105001001)  person.read  allowed  {PersonKey}  purpose=case-1", lines[0]);
        Assert.Equal($"9  2025-03-01T09:00:00Z  grid-worker-7  -  110105099001  person.read  allowed  {PersonKey}  purpose=-  break-glass", lines[1]);
    }

    [Fact]
    public async Task Events_with_csv_downloads_the_export_to_the_file()
    {
        const string csv = "\uFEFFsequence,time,userId\r\n7,2025-03-01T08:00:00.0000000Z,grid-worker-7\r\n";
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") });
        var file = _folder.File("audit.csv");

        var run = await Cli.RunAsync(hub, "audit", "events", "--from", "2025-03-01", "--to", "2025-03-31", "--csv", file, "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("/api/audit/events/export", hub.Requests[0].Request.RequestUri!.AbsolutePath);
        Assert.Equal(Encoding.UTF8.GetBytes(csv), await File.ReadAllBytesAsync(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_refusal_by_the_hub_exits_3_and_says_which_role_is_needed()
    {
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden));

        var run = await Cli.RunAsync(hub, "audit", "verify", "--from", "2025-03-01", "--to", "2025-03-01", "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("Hub.Auditor", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("events")]
    public async Task A_hub_nobody_listens_for_exits_4(string command)
    {
        var run = await Cli.RunAsync("audit", command, "--from", "2025-03-01", "--to", "2025-03-02", "--hub", Nobody, "--token", "t");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("Cannot reach the Hub", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "verify", "--from", "2025-03-01")]
    [InlineData("audit", "verify", "--from", "1 March", "--to", "2025-03-02")]
    [InlineData("audit", "verify", "--from", "2025-03-02", "--to", "2025-03-01")]
    [InlineData("audit", "verify", "--from", "2025-03-01", "--to", "2025-03-02", "--division", "11")]
    [InlineData("audit", "events", "--from", "2025-03-01")]
    [InlineData("audit", "events", "--from", "2025-03-01", "--to", "yesterday")]
    [InlineData("audit", "events", "--from", "2025-03-02", "--to", "2025-03-01T00:00:00Z")]
    [InlineData("audit", "events", "--from", "2025-03-01", "--to", "2025-03-02", "--person", "11010519491231002X")]
    public async Task A_wrong_audit_command_line_exits_2_before_anything_is_sent(params string[] args)
    {
        var hub = new StubHub((_, _) => throw new InvalidOperationException("nothing may be sent"));

        var run = await Cli.RunAsync(hub, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_person_key_typed_wrongly_is_not_echoed_back()
    {
        var run = await Cli.RunAsync("audit", "events", "--from", "2025-03-01", "--to", "2025-03-02", "--person", "11010519491231002X");

        Assert.DoesNotContain("11010519491231002X", run.Error + run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
