using System.Net;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class HeldSnapshotCommandTests : IDisposable
{
    private const string BatchId = "20261123150405-3fa9c2d1";
    private const string Reason = "Applying the snapshot would end-date 500 of the source's 1000 current records (50%), more than the 10% a snapshot may end-date unconfirmed.";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Push_wait_on_a_held_snapshot_exits_5_and_says_why_and_who_decides()
    {
        var feed = _folder.File("police.csv");
        await File.WriteAllTextAsync(feed, "公民身份号码,姓名\r\n");
        var hub = new StubHub((_, n) => StubHub.Json(n == 1 ? HttpStatusCode.Accepted : HttpStatusCode.OK, n == 1 ? StubHub.Report("accepted") : Held()));

        var run = await Cli.RunAsync(hub, "push", feed, "--source", "police", "--mode", "snapshot", "--wait", "--token", "t");

        Assert.Equal(ExitCodes.Held, run.ExitCode);
        Assert.Contains("end-date 500 of the source's 1000", Flat(run.Output), StringComparison.Ordinal);
        Assert.Contains("hub batch confirm|discard police", Flat(run.Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("discard")]
    public async Task A_decision_posts_its_reason_as_a_development_administrator_when_no_token_is_given(string verb)
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, StubHub.Report(verb == "confirm" ? "accepted" : "discarded")));

        var run = await Cli.RunAsync(hub, "batch", verb, "police", BatchId, "--reason", "导出不完整");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal($"/api/feeds/police/batches/{BatchId}/{verb}", request.RequestUri!.AbsolutePath);
        Assert.Equal("导出不完整", (string?)JsonNode.Parse(body)!["reason"]);
        Assert.Equal(HubRoles.Administrator, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_a_usage_error()
    {
        var run = await Cli.RunAsync(new StubHub((_, _) => throw new InvalidOperationException("no request expected")), "batch", "confirm", "police", BatchId);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    private static string Held() => StubHub.Report("held").Replace(
        "\"links\":",
        $$"""
        "hold":{"reason":"{{Reason}}","wouldEndDate":500,"currentRecords":1000,"allowedShare":0.1,"heldAt":"2026-11-23T15:05:00+00:00"},"links":
        """.Trim(),
        StringComparison.Ordinal);

    // Tables wrap long cells; the words are what matters.
    private static string Flat(string output) => string.Join(' ', output.Split((char[])['\n', '\r', '│', ' '], StringSplitOptions.RemoveEmptyEntries));
}
