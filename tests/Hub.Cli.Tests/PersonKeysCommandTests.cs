using System.Net;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class PersonKeysCommandTests
{
    private const string Done = """{"stage":"done","retiredPepperConfigured":true,"keysMapped":1204,"rowsMoved":5310,"rowsRemapped":12,"startedAt":"2026-12-06T16:00:00+00:00","finishedAt":"2026-12-06T16:03:00+00:00"}""";

    [Fact]
    public async Task Rotate_posts_as_a_development_administrator_and_prints_the_stage_and_counts()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Done));

        var run = await Cli.RunAsync(hub, "person-keys", "rotate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/person-keys/rotation", request.RequestUri!.AbsolutePath);
        Assert.Equal(HubRoles.Administrator, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Contains("done", run.Output, StringComparison.Ordinal);
        Assert.Contains("1,204", run.Output, StringComparison.Ordinal);
        Assert.Contains("5,310", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_retired_pepper_says_how_to_start_one()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, """{"stage":"none","retiredPepperConfigured":false,"keysMapped":0,"rowsMoved":0,"rowsRemapped":0,"startedAt":null,"finishedAt":null}"""));

        var run = await Cli.RunAsync(hub, "person-keys", "status", "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(HttpMethod.Get, Assert.Single(hub.Requests).Request.Method);
        Assert.Contains("none", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hub:PersonKey:RetiredPepper", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_rotation_exits_with_the_hubs_problem()
    {
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            Content = new StringContent("""{"status":409,"title":"Nothing to rotate","detail":"Hub:PersonKey:RetiredPepper is not configured."}""", System.Text.Encoding.UTF8, "application/problem+json"),
        });

        var run = await Cli.RunAsync(hub, "person-keys", "rotate", "--token", "t");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("409", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing to rotate", run.Error, StringComparison.Ordinal);
    }
}
