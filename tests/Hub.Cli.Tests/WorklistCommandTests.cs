using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class WorklistCommandTests
{
    private const string ItemId = "abc0123456789abcdef0123456789abc";
    private const string Person = "abc456789abcdef0123456789abcdef0";

    [Fact]
    public async Task Worklist_list_prints_ids_checks_persons_keys_and_streets_as_a_development_department_officer_and_never_a_name()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Page("next", Item("open"))));

        var run = await Cli.RunAsync(hub, "worklist", "list", "--status", "open", "--rule", "benefit-after-death", "--department", "civil-affairs");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal("/api/worklist", request.RequestUri!.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal(("open", "benefit-after-death"), (query["status"], query["rule"]));
        var token = new JsonWebToken(request.Headers.Authorization!.Parameter);
        Assert.Equal((HubRoles.DepartmentOfficer, "civil-affairs", "110100000000"), (token.GetClaim(HubClaims.Roles).Value, token.GetClaim(HubClaims.Department).Value, token.GetClaim(HubClaims.Division).Value));
        Assert.Contains(ItemId, run.Output, StringComparison.Ordinal);
        Assert.Contains(Person, run.Output, StringComparison.Ordinal);
        Assert.Contains("110105001", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 items; --all lists every page.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worklist_list_all_follows_every_page_as_a_street_officer_of_the_division()
    {
        var hub = new StubHub((_, n) => StubHub.Json(HttpStatusCode.OK, n == 1 ? Page("page 2", Item("open")) : Page(null, Item("confirmed"))));

        var run = await Cli.RunAsync(hub, "worklist", "list", "--all", "--division", "110105001000");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, hub.Requests.Count);
        Assert.Equal("page 2", HttpUtility.ParseQueryString(hub.Requests[1].Request.RequestUri!.Query)["continuationToken"]);
        Assert.Equal(HubRoles.StreetOfficer, new JsonWebToken(hub.Requests[0].Request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Contains("2 items.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worklist_decide_posts_the_decision_and_reason_and_prints_the_history()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Item("dismissed").ToJsonString()));

        var run = await Cli.RunAsync(hub, "worklist", "decide", ItemId, "--dismiss", "--reason", "已核实：证件已换发", "--department", "civil-affairs");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal((HttpMethod.Post, $"/api/worklist/{ItemId}/decision"), (request.Method, request.RequestUri!.AbsolutePath));
        var sent = JsonNode.Parse(body)!;
        Assert.Equal(("dismissed", "已核实：证件已换发"), ((string?)sent["status"], (string?)sent["reason"]));
        Assert.Contains($"Item {ItemId} (benefit-after-death) is dismissed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("opened", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_the_hub_refuses_prints_its_problem_and_exits_3()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Conflict, """{"title":"Item not open","detail":"The item is confirmed; only an open item is confirmed or dismissed.","status":409}"""));

        var run = await Cli.RunAsync(hub, "worklist", "decide", ItemId, "--confirm", "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("Item not open", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worklist", "decide", ItemId)]
    [InlineData("worklist", "decide", ItemId, "--confirm", "--dismiss", "--reason", "x")]
    [InlineData("worklist", "decide", ItemId, "--dismiss")]
    [InlineData("worklist", "list", "--status", "closed")]
    public async Task A_wrong_worklist_command_line_is_a_usage_error_and_sends_nothing(params string[] args)
    {
        var hub = new StubHub((_, _) => throw new InvalidOperationException("no request expected"));

        var run = await Cli.RunAsync(hub, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
    }

    private static string Page(string? next, params JsonObject[] items) =>
        new JsonObject { ["items"] = new JsonArray(items), ["continuationToken"] = next }.ToJsonString();

    private static JsonObject Item(string status) => new()
    {
        ["id"] = ItemId,
        ["rule"] = "benefit-after-death",
        ["title"] = new JsonObject { ["zh-CN"] = "死亡人员仍享受救助待遇", ["en"] = "Assistance still running after the recipient's death" },
        ["owner"] = "civil-affairs",
        ["personKey"] = Person,
        ["name"] = "张伟",
        ["status"] = status,
        ["openedAt"] = "2026-06-01T02:00:00+00:00",
        ["updatedAt"] = "2026-06-01T02:00:00+00:00",
        ["streets"] = new JsonArray("110105001"),
        ["evidence"] = new JsonArray(),
        ["history"] = new JsonArray(new JsonObject { ["at"] = "2026-06-01T02:00:00+00:00", ["by"] = "hub", ["action"] = "opened", ["batch"] = "b1" }),
    };
}
