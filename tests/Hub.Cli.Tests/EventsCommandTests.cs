using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class EventsCommandTests
{
    private const string Subscription = "0123456789abcdef0123456789";

    [Fact]
    public async Task Pull_prints_each_event_as_a_json_line_and_follows_the_cursor_to_the_end()
    {
        var hub = new StubHub((_, n) => StubHub.Json(HttpStatusCode.OK, n == 1 ? Page("17", caughtUp: false, Event("a"), Event("b")) : Page("18", caughtUp: true, Event("c"))));

        var run = await Cli.RunAsync(hub, "events", "pull", "--subscription", Subscription, "--cursor", "15", "--limit", "2");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal(2, hub.Requests.Count);
        Assert.Equal($"/api/subscriptions/{Subscription}/events", hub.Requests[0].Request.RequestUri!.AbsolutePath);
        var first = HttpUtility.ParseQueryString(hub.Requests[0].Request.RequestUri!.Query);
        var second = HttpUtility.ParseQueryString(hub.Requests[1].Request.RequestUri!.Query);
        Assert.Equal(("15", "2", "17"), (first["cursor"], first["limit"], second["cursor"]));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["a", "b", "c"], lines.Select(l => (string?)JsonNode.Parse(l)!["id"]));
        Assert.Contains("next cursor: 18", run.Error, StringComparison.Ordinal);
        var token = new JsonWebToken(hub.Requests[0].Request.Headers.Authorization!.Parameter);
        Assert.Equal(HubRoles.StreetOfficer, token.GetClaim(HubClaims.Roles).Value);
    }

    [Fact]
    public async Task Subscriptions_create_sends_what_was_asked_as_a_department_officer_and_prints_the_id()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Created, "{\"id\":\"" + Subscription + "\",\"start\":\"42\"}"));

        var run = await Cli.RunAsync(hub, "subscriptions", "create", "--type", "hub.person.deceased", "--group", "dibao", "--purpose", "benefit-review",
            "--role", "department-officer", "--division", "110105000000", "--department", "civil-affairs");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal((HttpMethod.Post, "/api/subscriptions"), (request.Method, request.RequestUri!.AbsolutePath));
        var sent = JsonNode.Parse(body)!;
        Assert.Equal(("hub.person.deceased", "dibao", "benefit-review"), ((string?)sent["types"]![0], (string?)sent["groups"]![0], (string?)sent["purpose"]));
        var token = new JsonWebToken(request.Headers.Authorization!.Parameter);
        Assert.Equal((HubRoles.DepartmentOfficer, "civil-affairs"), (token.GetClaim(HubClaims.Roles).Value, token.GetClaim(HubClaims.Department).Value));
        Assert.Contains($"Subscription {Subscription} made; its feed starts at cursor 42.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_officer_without_a_department_is_a_usage_error_and_nothing_is_sent()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, "{}"));

        var run = await Cli.RunAsync(hub, "subscriptions", "list", "--role", "department-officer", "--division", "110105000000");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task An_expired_cursor_is_reported_with_the_hubs_reason()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Gone, "{\"title\":\"Cursor expired\",\"detail\":\"Events are kept 90 days.\"}"));

        var run = await Cli.RunAsync(hub, "events", "pull", "--subscription", Subscription, "--cursor", "1");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("410 Cursor expired: Events are kept 90 days.", run.Error, StringComparison.Ordinal);
    }

    private static string Event(string id) => JsonSerializer.Serialize(new { specversion = "1.0", id, source = "/hub/sources/police", type = "hub.person.deceased", subject = "0123456789abcdef0123456789abcdef", data = new { } });

    private static string Page(string next, bool caughtUp, params string[] events) =>
        $"{{\"events\":[{string.Join(',', events)}],\"next\":\"{next}\",\"caughtUp\":{(caughtUp ? "true" : "false")}}}";
}
