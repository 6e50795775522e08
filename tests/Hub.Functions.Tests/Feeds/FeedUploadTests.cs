using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>A large register goes to blob storage through a write-only URL, and the Hub takes it as it takes a pushed body.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FeedUploadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格";

    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Feeds:MaxPayloadBytes"] = "100000" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_uploaded_register_becomes_the_batch_a_pushed_body_would_and_asking_again_repeats_it()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = Encoding.UTF8.GetBytes(Rows(1, 3) + $"{TestPeople.Id(4)},赵,男,救济粮,1,2024-01-01,110105003002,G1\r\n");
        var upload = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv", mode = "delta" });

        await new BlobClient(upload.UploadUrl).UploadAsync(new BinaryData(csv), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" } });
        using var taken = await client.PostAsync(new Uri(upload.Batches, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        var accepted = await taken.ReadReportAsync();
        Assert.False(accepted.Repeated);
        var report = await client.WaitForBatchAsync(taken.Headers.Location!);
        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 4, Inserted = 3, Rejected = 1 }, report.Counts);
        Assert.Equal(csv.Length, report.PayloadBytes);
        Assert.True(await _hub.Storage.FeedArchive.GetBlobClient($"civil-affairs/{report.Id}").ExistsAsync());
        Assert.False(await _hub.Storage.FeedUploads.GetBlobClient($"civil-affairs/{upload.UploadId}").ExistsAsync());
        var rejects = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));
        Assert.Contains("5,救助类型,", rejects, StringComparison.Ordinal);

        var state = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/feeds/civil-affairs/uploads/{upload.UploadId}", UriKind.Relative));
        Assert.Equal(report.Id, state.GetProperty("batchId").GetString());

        using var again = await client.PostAsync(new Uri(upload.Batches, UriKind.Relative), null);
        var repeated = await again.ReadReportAsync();
        Assert.Equal((HttpStatusCode.Accepted, report.Id, true), (again.StatusCode, repeated.Id, repeated.Repeated));

        // The same bytes pushed as a body are the same payload: the push answers with the uploaded batch.
        using var pushed = await client.PushAsync("civil-affairs", csv, "text/csv");
        var body = await pushed.ReadReportAsync();
        Assert.Equal((report.Id, true), (body.Id, body.Repeated));
    }

    [Fact]
    public async Task A_compressed_register_uploaded_in_blocks_is_taken_decompressed()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = Encoding.UTF8.GetBytes(Rows(201, 60));
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(csv);
        }

        var upload = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv; charset=utf-8", mode = "snapshot", contentEncoding = "gzip" });
        compressed.Position = 0;
        var blocks = new StorageTransferOptions { InitialTransferSize = 512, MaximumTransferSize = 512, MaximumConcurrency = 4 };
        await new BlobClient(upload.UploadUrl).UploadAsync(compressed, new BlobUploadOptions { TransferOptions = blocks });

        using var taken = await client.PostAsync(new Uri(upload.Batches, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        var report = await client.WaitForBatchAsync(taken.Headers.Location!);

        Assert.Equal((BatchStatus.Completed, FeedMode.Snapshot, 60L), (report.Status, report.Mode, report.Counts.Inserted));
        Assert.Equal(csv.Length, report.PayloadBytes);
    }

    [Fact]
    public async Task The_upload_url_writes_its_one_file_and_cannot_read_list_or_write_another()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var upload = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv" });
        var blob = new BlobClient(upload.UploadUrl);
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Rows(1, 1))));

        Assert.EndsWith($"/civil-affairs/{upload.UploadId}", upload.UploadUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync())).Status);
        var container = new BlobContainerClient(new UriBuilder(upload.UploadUrl) { Path = upload.UploadUrl.AbsolutePath[..upload.UploadUrl.AbsolutePath.LastIndexOf('/')] }.Uri);
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobsAsync().ToListAsync().AsTask())).Status);
        var other = new UriBuilder(upload.UploadUrl) { Path = upload.UploadUrl.AbsolutePath + "x" }.Uri;
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(other).UploadAsync(new BinaryData("x"u8.ToArray())))).Status);
    }

    [Fact]
    public async Task An_upload_not_of_the_source_unknown_not_yet_uploaded_or_declared_wrongly_is_a_4xx()
    {
        using var civil = _hub.CreatePublisherClient("civil-affairs");
        using var police = _hub.CreatePublisherClient("police");
        var upload = await RequestAsync(civil, "civil-affairs", new { contentType = "text/csv" });
        var state = await civil.GetFromJsonAsync<JsonElement>(new Uri($"/api/feeds/civil-affairs/uploads/{upload.UploadId}", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("uploadedBytes").ValueKind);

        await AssertProblemAsync(HttpStatusCode.Conflict, "Not uploaded yet", await civil.PostAsync(new Uri(upload.Batches, UriKind.Relative), null));
        await AssertProblemAsync(HttpStatusCode.NotFound, "Unknown upload", await police.PostAsync(new Uri($"/api/feeds/police/uploads/{upload.UploadId}/batches", UriKind.Relative), null));
        await AssertProblemAsync(HttpStatusCode.NotFound, "Unknown upload", await civil.PostAsync(new Uri($"/api/feeds/civil-affairs/uploads/{new string('a', 32)}/batches", UriKind.Relative), null));
        await AssertProblemAsync(HttpStatusCode.NotFound, "Unknown upload", await civil.PostAsync(new Uri("/api/feeds/civil-affairs/uploads/not-an-id/batches", UriKind.Relative), null));
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsync(new Uri(upload.Batches, UriKind.Relative), null)).StatusCode);
        await AssertProblemAsync(HttpStatusCode.BadRequest, "Unsupported content type", await civil.PostAsJsonAsync(new Uri("/api/feeds/civil-affairs/uploads", UriKind.Relative), new { contentType = "text/plain" }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, "Unknown mode", await civil.PostAsJsonAsync(new Uri("/api/feeds/civil-affairs/uploads", UriKind.Relative), new { contentType = "text/csv", mode = "all" }));
        await AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Feed too large", await civil.PostAsJsonAsync(new Uri("/api/feeds/civil-affairs/uploads", UriKind.Relative), new { contentType = "text/csv", length = 100001 }));
        await AssertProblemAsync(HttpStatusCode.NotFound, "Unknown source", await civil.PostAsJsonAsync(new Uri("/api/feeds/nobody/uploads", UriKind.Relative), new { contentType = "text/csv" }));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_unread_and_an_empty_one_is_a_4xx()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var large = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv" });
        await new BlobClient(large.UploadUrl).UploadAsync(new BinaryData(new byte[100_001]));
        var empty = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv" });
        await new BlobClient(empty.UploadUrl).UploadAsync(new BinaryData(Array.Empty<byte>()));

        await AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Feed too large", await client.PostAsync(new Uri(large.Batches, UriKind.Relative), null));
        await AssertProblemAsync(HttpStatusCode.BadRequest, "Empty feed", await client.PostAsync(new Uri(empty.Batches, UriKind.Relative), null));
    }

    [Fact]
    public async Task An_upload_whose_url_expired_unused_is_gone_and_the_url_writes_nothing()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Feeds:UploadUrlLifetime"] = "00:00:01" });
        using var client = hub.CreatePublisherClient("civil-affairs");
        var upload = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv" });
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(upload.UploadUrl).UploadAsync(new BinaryData("x"u8.ToArray())))).Status);
        await AssertProblemAsync(HttpStatusCode.Gone, "Upload URL expired", await client.PostAsync(new Uri(upload.Batches, UriKind.Relative), null));
    }

    [Fact]
    public async Task Each_request_leaves_one_audit_event_naming_the_upload_and_never_the_url()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var upload = await RequestAsync(client, "civil-affairs", new { contentType = "text/csv" });
        await new BlobClient(upload.UploadUrl).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Rows(301, 2))));
        using var taken = await client.PostAsync(new Uri(upload.Batches, UriKind.Relative), null);
        var batch = (await taken.ReadReportAsync()).Id;

        var events = (await AuditEventsAsync()).Where(e => e.Resource?.Contains($"upload={upload.UploadId}", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(["feed.upload", "feed.push"], events.Select(e => e.Action.Value));
        Assert.Contains($"batch={batch}", events[1].Resource, StringComparison.Ordinal);
        Assert.All(events, e => Assert.DoesNotContain("sig=", e.Resource, StringComparison.Ordinal));
        Assert.DoesNotContain(_hub.Logs.Lines, l => l.Contains("sig=", StringComparison.Ordinal));
    }

    private static string Rows(int first, int count) =>
        Header + "\r\n" + string.Concat(Enumerable.Range(first, count).Select(i => $"{TestPeople.Id(i)},王,女,城市低保,1,2024-01-01,110105003002,G1\r\n"));

    private static async Task<Upload> RequestAsync(HttpClient client, string source, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/api/feeds/{source}/uploads", UriKind.Relative), request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/feeds/{source}/uploads/", response.Headers.Location!.OriginalString[..^32]);
        var upload = (await response.Content.ReadFromJsonAsync<Upload>(FeedClient.Json))!;
        Assert.Equal("BlockBlob", upload.Headers["x-ms-blob-type"]);
        return upload;
    }

    private static async Task AssertProblemAsync(HttpStatusCode status, string title, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        }
    }

    private async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync()
    {
        var search = _hub.Services.GetRequiredService<AuditSearch>();
        var events = new List<AuditEvent>();
        await foreach (var record in search.SearchAllAsync(new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) }))
        {
            events.Add(record.Event);
        }

        return events;
    }

    private sealed record Upload(string UploadId, Uri UploadUrl, DateTimeOffset ExpiresAt, Dictionary<string, string> Headers, string Batches, long MaxBytes);
}
