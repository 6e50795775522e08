using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class QueueCommandTests : IDisposable
{
    private const string RecordA = "0123456789abcdef0123456789abcdef";
    private const string RecordB = "fedcba9876543210fedcba9876543210";
    private const string Elder = "11111111111111111111111111111111";
    private const string Younger = "22222222222222222222222222222222";

    // The Hub sends Chinese as it is, so the test can tell whether a name was printed.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Queue_prints_keys_scores_and_the_total_as_a_development_steward_and_no_record_data()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Page(45, "next page", Item(RecordA, 32.35), Item(RecordB, 17.34))));

        var run = await Cli.RunAsync(hub, "queue");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal("/api/resolution/queue", request.RequestUri!.AbsolutePath);
        Assert.Equal("sort=age&pageSize=20", request.RequestUri.Query.TrimStart('?'));
        var token = new JsonWebToken(request.Headers.Authorization!.Parameter);
        Assert.Equal(HubRoles.DataSteward, token.GetClaim(HubClaims.Roles).Value);
        Assert.Equal(QueueCommand.DefaultDivision, token.GetClaim(HubClaims.Division).Value);
        Assert.Contains(RecordA, run.Output, StringComparison.Ordinal);
        Assert.Contains(Elder, run.Output, StringComparison.Ordinal);
        Assert.Contains("32.35", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 45 possible matches; --all lists every page.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519900303011", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_all_follows_every_page_with_the_filters_asked_for()
    {
        var hub = new StubHub((_, n) => StubHub.Json(HttpStatusCode.OK, n == 1 ? Page(2, "page 2", Item(RecordA, 32.35)) : Page(2, null, Item(RecordB, 25.5))));

        var run = await Cli.RunAsync(hub, "queue", "--source", "civil-affairs", "--min-score", "20", "--max-score", "40.5", "--sort", "score", "--page-size", "1", "--all", "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, hub.Requests.Count);
        var first = HttpUtility.ParseQueryString(hub.Requests[0].Request.RequestUri!.Query);
        Assert.Equal("civil-affairs 20 40.5 score 1", string.Join(' ', first["source"], first["minScore"], first["maxScore"], first["sort"], first["pageSize"]));
        Assert.Null(first["continuation"]);
        Assert.Equal("page 2", HttpUtility.ParseQueryString(hub.Requests[1].Request.RequestUri!.Query)["continuation"]);
        Assert.Contains(RecordB, run.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 possible matches.", run.Output, StringComparison.Ordinal);
        Assert.Equal("t", hub.Requests[0].Request.Headers.Authorization!.Parameter);
    }

    [Theory]
    [InlineData("queue", "--sort", "newest")]
    [InlineData("queue", "--page-size", "0")]
    [InlineData("queue", "--page-size", "101")]
    [InlineData("queue", "--min-score", "high")]
    [InlineData("queue", "--min-score", "30", "--max-score", "20")]
    [InlineData("queue", "--source", "Civil Affairs")]
    [InlineData("queue", "--division", "12345")]
    [InlineData("queue", "decide", "no-such-file.json")]
    public async Task A_wrong_queue_command_line_is_a_usage_error_and_sends_nothing(params string[] args)
    {
        var hub = new StubHub((_, _) => throw new InvalidOperationException("no request expected"));

        var run = await Cli.RunAsync(hub, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task Decide_posts_a_list_as_the_hubs_body_prints_each_outcome_and_exits_1_when_one_was_not_applied()
    {
        var file = _folder.File("page.json");
        await File.WriteAllTextAsync(file, $$"""[{"recordKey":"{{RecordA}}","action":"link","personKey":"{{Elder}}","reason":"低保卡号一致"},{"recordKey":"{{RecordB}}","action":"merge"}]""");
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, $$"""
            {"applied":1,"results":[{"index":0,"recordKey":"{{RecordA}}","status":"applied","detail":null,"golden":"{{Elder}}"},
             {"index":1,"recordKey":"{{RecordB}}","status":"invalid","detail":"'action' is link or reject.","golden":null}]}
            """));

        var run = await Cli.RunAsync(hub, "queue", "decide", file);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/resolution/decisions", request.RequestUri!.AbsolutePath);
        var sent = JsonNode.Parse(Encoding.UTF8.GetString(body))!["decisions"]!.AsArray();
        Assert.Equal([RecordA, RecordB], sent.Select(d => (string?)d!["recordKey"]));
        Assert.Equal("低保卡号一致", (string?)sent[0]!["reason"]);
        Assert.Equal(HubRoles.DataSteward, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Contains("invalid", run.Output, StringComparison.Ordinal);
        Assert.Contains("'action' is link or reject.", Flat(run.Output), StringComparison.Ordinal);
        Assert.Contains("1 of 2 decisions applied.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_sends_a_decisions_object_as_it_is_and_exits_0_when_all_were_applied()
    {
        var file = _folder.File("page.json");
        var text = $$"""{"decisions":[{"recordKey":"{{RecordA}}","action":"reject","reason":"不是同一人"}]}""";
        await File.WriteAllTextAsync(file, text);
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, $$"""{"applied":1,"results":[{"index":0,"recordKey":"{{RecordA}}","status":"applied","golden":"{{RecordA}}"}]}"""));

        var run = await Cli.RunAsync(hub, "queue", "decide", file, "--json", "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(text, Encoding.UTF8.GetString(Assert.Single(hub.Requests).Body));
        Assert.Equal(1, (int?)JsonNode.Parse(run.Output)!["applied"]);
    }

    [Fact]
    public async Task Decide_with_a_file_that_is_not_json_is_a_usage_error_and_sends_nothing()
    {
        var file = _folder.File("page.json");
        await File.WriteAllTextAsync(file, "recordKey,action\r\n");
        var hub = new StubHub((_, _) => throw new InvalidOperationException("no request expected"));

        var run = await Cli.RunAsync(hub, "queue", "decide", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("page.json is not JSON", run.Error, StringComparison.Ordinal);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task A_refused_bulk_decision_exits_3_with_the_hubs_problem()
    {
        var file = _folder.File("page.json");
        await File.WriteAllTextAsync(file, "[]");
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.BadRequest, """{"status":400,"title":"Invalid decisions","detail":"'decisions' holds 1 to 100 decisions."}"""));

        var run = await Cli.RunAsync(hub, "queue", "decide", file, "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("The Hub answered 400 Invalid decisions: 'decisions' holds 1 to 100 decisions.", run.Error, StringComparison.Ordinal);
    }

    private static string Page(int total, string? continuation, params string[] items) =>
        $$"""{"items":[{{string.Join(',', items)}}],"total":{{total}},"continuation":{{(continuation is null ? "null" : $"\"{continuation}\"")}}}""";

    // As the Hub sends it: the record's attributes and the candidates' profiles are personal data the command never prints.
    private static string Item(string record, double score) => new JsonObject
    {
        ["recordKey"] = record,
        ["source"] = "civil-affairs",
        ["batch"] = "20261123150405-3fa9c2d1",
        ["queuedAt"] = "2026-11-23T15:04:05+00:00",
        ["score"] = score,
        ["record"] = new JsonObject { ["name"] = "王建国", ["birthDate"] = "1990-03-03", ["residentId"] = "11010519900303011" },
        ["candidates"] = new JsonArray(Candidate(Elder, score, "王建国"), Candidate(Younger, score - 5, "王建华")),
    }.ToJsonString(Unescaped);

    private static JsonObject Candidate(string person, double score, string name) => new()
    {
        ["score"] = score,
        ["fields"] = new JsonArray(),
        ["profile"] = new JsonObject { ["personKey"] = person, ["attributes"] = new JsonObject { ["name"] = new JsonObject { ["value"] = name } } },
    };

    // Tables wrap long cells; the words are what matters.
    private static string Flat(string output) => string.Join(' ', output.Split((char[])['\n', '\r', '│', ' '], StringSplitOptions.RemoveEmptyEntries));
}
