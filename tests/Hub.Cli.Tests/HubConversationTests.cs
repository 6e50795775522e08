using System.Net;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class HubConversationTests : IDisposable
{
    private const string Nobody = "http://127.0.0.1:9";
    private const string BatchId = "20261123150405-3fa9c2d1";
    private readonly TemporaryFolder _folder = new();
    private readonly string _feed;

    public HubConversationTests()
    {
        _feed = _folder.File("police.csv");
        File.WriteAllText(_feed, "公民身份号码,姓名,户籍地区划代码\r\n11010519491231002X,王秀英,110105003002\r\n");
    }

    [Theory]
    [InlineData("push", "{feed}", "--source", "police")]
    [InlineData("push", "{feed}", "--source", "police", "--wait")]
    [InlineData("batch", "police", BatchId)]
    [InlineData("batches", "police")]
    [InlineData("rejects", "police", BatchId)]
    public async Task A_hub_nobody_listens_for_exits_4(params string[] args)
    {
        var run = await Cli.RunAsync([.. args.Select(a => a.Replace("{feed}", _feed, StringComparison.Ordinal)), "--hub", Nobody, "--token", "t"]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("Cannot reach the Hub", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_from_the_hub_exits_3_with_its_problem_title_and_detail()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.UnsupportedMediaType, """{"status":415,"title":"Unsupported media type","detail":"Send the feed as one of: text/csv."}"""));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("415 Unsupported media type: Send the feed as one of: text/csv.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_source_role_is_explained_when_the_hub_says_403()
    {
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden));

        var run = await Cli.RunAsync(hub, "batches", "police", "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("Feeds.Publish.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_streams_the_file_with_its_inferred_type_and_mints_a_development_token_when_none_is_given()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted")));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--mode", "snapshot", "--hub", "http://hub.example:8080/");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://hub.example:8080/api/feeds/police?mode=snapshot", request.RequestUri!.AbsoluteUri);
        Assert.Equal("text/csv", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(_feed), body);
        var token = new JsonWebToken(request.Headers.Authorization!.Parameter);
        Assert.Equal(HubRoles.FeedPublisher("police"), token.GetClaim(HubClaims.Roles).Value);
        Assert.Contains("development token", run.Error, StringComparison.Ordinal);
        Assert.Contains(BatchId, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_sends_a_gz_file_as_it_is_with_a_gzip_content_encoding_and_the_type_of_the_file_inside()
    {
        var gz = _folder.File("police.csv.gz");
        await using (var output = File.Create(gz))
        await using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(_feed));
        }

        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted")));

        var run = await Cli.RunAsync(hub, "push", gz, "--source", "police", "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal("text/csv", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(["gzip"], request.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(gz), body);
    }

    [Fact]
    public async Task Push_sends_the_token_it_is_given()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted")));

        await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "abc.def.ghi");

        Assert.Equal("abc.def.ghi", hub.Requests[0].Request.Headers.Authorization!.Parameter);
    }

    [Fact]
    public async Task Push_with_wait_follows_the_batch_and_exits_0_when_it_completes_with_no_rejections()
    {
        var hub = new StubHub((_, n) => n switch
        {
            1 => StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted")),
            2 => StubHub.Json(HttpStatusCode.OK, StubHub.Report("processing", received: 1)),
            _ => StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 12)),
        });

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.All(hub.Requests.Skip(1), r => Assert.Equal($"/api/feeds/police/batches/{BatchId}", r.Request.RequestUri!.AbsolutePath));
        Assert.Contains("completed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wait_exits_1_when_the_batch_completes_with_rejected_rows()
    {
        var hub = new StubHub((_, n) => n == 1
            ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted"))
            : StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 12, rejected: 1)));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("completed", run.Output, StringComparison.Ordinal);
        Assert.Contains("ID number fails its check character", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wait_of_a_payload_the_hub_already_had_says_so_and_names_the_earlier_batch()
    {
        var hub = new StubHub((_, n) => n == 1
            ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("completed", received: 12).Replace("\"repeated\":false", "\"repeated\":true", StringComparison.Ordinal))
            : StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 12)));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"already had this payload as batch {BatchId}", run.Output, StringComparison.Ordinal);
        Assert.Contains("repeated push of an earlier payload", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wait_and_json_of_a_payload_the_hub_already_had_prints_repeated_true()
    {
        var hub = new StubHub((_, n) => n == 1
            ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("completed", received: 12).Replace("\"repeated\":false", "\"repeated\":true", StringComparison.Ordinal))
            : StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 12)));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("\"repeated\":true", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"repeated\":false", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"received\":12", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wait_of_a_new_payload_does_not_claim_a_repeat()
    {
        var hub = new StubHub((_, n) => n == 1
            ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted"))
            : StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 12)));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait", "--json");

        Assert.Contains("\"repeated\":false", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_with_wait_exits_1_when_the_batch_fails()
    {
        var hub = new StubHub((_, n) => n == 1
            ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted"))
            : StubHub.Json(HttpStatusCode.OK, StubHub.Report("failed", failure: "the header row lacks required columns")));

        var run = await Cli.RunAsync(hub, "push", _feed, "--source", "police", "--token", "t", "--wait", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("\"status\":\"failed\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_are_downloaded_to_the_file_asked_for()
    {
        const string csv = "row,field,reason\r\n3,公民身份号码,ID number fails its check character (ISO 7064 MOD 11-2)\r\n";
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv) });
        var output = _folder.File("rejects.csv");

        var run = await Cli.RunAsync(hub, "rejects", "police", BatchId, "--output", output, "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(csv, await File.ReadAllTextAsync(output));
        Assert.Equal($"/api/feeds/police/batches/{BatchId}/rejects", hub.Requests[0].Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Batches_lists_what_the_hub_returns()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, "[" + StubHub.Report("completed", 12, 1) + "]"));

        var run = await Cli.RunAsync(hub, "batches", "police", "--top", "5", "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("?top=5", hub.Requests[0].Request.RequestUri!.Query);
        Assert.Contains(BatchId, run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
