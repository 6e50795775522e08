using System.Net;
using System.Text;
using System.Text.Json;

namespace Hub.Cli.Tests;

/// <summary><c>hub push</c> sends a large file to blob storage through the Hub's write-only URL, then has the Hub take it.</summary>
public sealed class PushUploadTests : IDisposable
{
    private const string UploadId = "0123456789abcdef0123456789abcdef";
    private static readonly Uri UploadUrl = new($"https://storage.example/uploads/police/{UploadId}?sv=2025-01-05&sp=cw&sig=c2VjcmV0");
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task A_file_over_the_threshold_is_uploaded_in_parallel_blocks_then_taken_and_followed()
    {
        var feed = _folder.File("police.csv");
        var bytes = new byte[(2 * BlobUpload.BlockBytes) + 12345];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(feed, bytes);
        var hub = new StubHub(Answer);

        var run = await Cli.RunAsync(hub, "push", feed, "--source", "police", "--token", "t", "--upload-over", "16", "--wait");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var requests = hub.Requests.Select(r => (r.Request, r.Body)).ToList();
        var (grantRequest, grantBody) = requests[0];
        Assert.Equal("/api/feeds/police/uploads", grantRequest.RequestUri!.AbsolutePath);
        using (var declared = JsonDocument.Parse(grantBody))
        {
            Assert.Equal("text/csv", declared.RootElement.GetProperty("contentType").GetString());
            Assert.Equal("delta", declared.RootElement.GetProperty("mode").GetString());
            Assert.Equal(bytes.Length, declared.RootElement.GetProperty("length").GetInt64());
        }

        var blocks = requests.Where(r => r.Request.RequestUri!.Query.Contains("comp=block&", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, b => Assert.Null(b.Request.Headers.Authorization));
        var blockList = Assert.Single(requests, r => r.Request.RequestUri!.Query.Contains("comp=blocklist", StringComparison.Ordinal));
        var ids = System.Xml.Linq.XDocument.Load(new MemoryStream(blockList.Body)).Root!.Elements().Select(e => e.Value).ToList();
        var uploaded = ids.SelectMany(id => blocks.Single(b => Uri.UnescapeDataString(b.Request.RequestUri!.Query).Contains($"blockid={id}", StringComparison.Ordinal)).Body).ToArray();
        Assert.Equal(bytes, uploaded);
        Assert.Contains(requests, r => r.Request.Method == HttpMethod.Post && r.Request.RequestUri!.AbsolutePath == $"/api/feeds/police/uploads/{UploadId}/batches");
        Assert.DoesNotContain("sig=", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("completed", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_small_file_goes_in_the_body_unless_the_upload_is_asked_for()
    {
        var feed = _folder.File("police.csv");
        await File.WriteAllTextAsync(feed, "公民身份号码,姓名\r\n11010519491231002X,王秀英\r\n");
        var plain = new StubHub(Answer);
        var forced = new StubHub(Answer);

        await Cli.RunAsync(plain, "push", feed, "--source", "police", "--token", "t");
        var run = await Cli.RunAsync(forced, "push", feed, "--source", "police", "--token", "t", "--upload", "--mode", "snapshot");

        Assert.Equal("/api/feeds/police", Assert.Single(plain.Requests).Request.RequestUri!.AbsolutePath);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            ["POST /api/feeds/police/uploads", $"PUT /uploads/police/{UploadId}", $"POST /api/feeds/police/uploads/{UploadId}/batches"],
            forced.Requests.Select(r => $"{r.Request.Method} {r.Request.RequestUri!.AbsolutePath}"));
        Assert.Equal("BlockBlob", forced.Requests[1].Request.Headers.GetValues("x-ms-blob-type").Single());
        Assert.Contains("\"mode\":\"snapshot\"", Encoding.UTF8.GetString(forced.Requests[0].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_storage_refuses_exits_3_without_showing_the_url()
    {
        var feed = _folder.File("police.csv");
        await File.WriteAllTextAsync(feed, "公民身份号码,姓名\r\n");
        var hub = new StubHub((request, count) => request.RequestUri!.Host == UploadUrl.Host
            ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Headers = { { "x-ms-error-code", "AuthenticationFailed" } } }
            : Answer(request, count));

        var run = await Cli.RunAsync(hub, "push", feed, "--source", "police", "--token", "t", "--upload");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("AuthenticationFailed", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(hub.Requests, r => r.Request.RequestUri!.AbsolutePath.EndsWith("/batches", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static HttpResponseMessage Answer(HttpRequestMessage request, int count)
    {
        if (request.RequestUri!.Host == UploadUrl.Host)
        {
            var stored = new HttpResponseMessage(HttpStatusCode.Created);
            stored.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"0x1\"");
            return stored;
        }

        var path = request.RequestUri.AbsolutePath;
        return request.Method == HttpMethod.Post && path.EndsWith("/uploads", StringComparison.Ordinal)
            ? StubHub.Json(HttpStatusCode.Created, $$"""{"uploadId":"{{UploadId}}","uploadUrl":"{{UploadUrl}}","expiresAt":"2026-11-23T16:04:05+00:00","headers":{"x-ms-blob-type":"BlockBlob"},"batches":"/api/feeds/police/uploads/{{UploadId}}/batches","maxBytes":536870912}""")
            : request.Method == HttpMethod.Post
                ? StubHub.Json(HttpStatusCode.Accepted, StubHub.Report("accepted"))
                : StubHub.Json(HttpStatusCode.OK, StubHub.Report("completed", received: 1));
    }
}
