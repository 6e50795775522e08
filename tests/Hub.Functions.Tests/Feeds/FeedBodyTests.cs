using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Azure.Storage.Blobs.Models;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Reading;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>How a push's body travels: gzip, a body cut short, and which pushes count as the same payload.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FeedBodyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Feeds:MaxPayloadBytes"] = "65536" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_gzip_encoded_feed_is_processed_and_archived_decompressed_and_sealed()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = TestPeople.CivilAffairsCsv(Enumerable.Range(10, 3));

        using var response = await PushAsync(client, Gzip(csv), "gzip");
        var report = await client.WaitForBatchAsync(response.Headers.Location!);

        Assert.Equal(new BatchCounts { Received = 3, Inserted = 3 }, report.Counts);
        var archived = await _hub.Storage.FeedArchiveFolder.DownloadAsync($"civil-affairs/{report.Id}");
        var stored = await _hub.Storage.FeedArchive.GetBlobClient($"civil-affairs/{report.Id}").DownloadContentAsync();
        Assert.Equal(csv, archived!.ToArray());
        Assert.NotEqual(csv, stored.Value.Content.ToArray());
        Assert.Equal(csv.Length, report.PayloadBytes);
    }

    [Fact]
    public async Task A_rejects_report_is_read_back_whole_from_its_sealed_file()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n" +
            $"{TestPeople.Id(20)},王秀英,女,城市低保,1250,2024/3/1,110105003002,G07\r\n" +
            $"{TestPeople.Id(21)},赵六,男,救济粮,100,2024-01-01,110105003002,G07\r\n";

        var report = await client.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv");
        using var rejects = await client.GetAsync(new Uri($"/api/feeds/civil-affairs/batches/{report.Id}/rejects", UriKind.Relative));
        var text = await rejects.Content.ReadAsStringAsync();
        var stored = await _hub.Storage.Rejects.GetBlobClient(FeedProcessor.RejectsBlobName("civil-affairs", report.Id)).DownloadContentAsync();

        Assert.Equal(1, report.Counts.Rejected);
        Assert.Equal(HttpStatusCode.OK, rejects.StatusCode);
        Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, "the report has its header and the rejected row");
        Assert.NotEqual(text, Encoding.UTF8.GetString(stored.Value.Content.ToArray()));
    }

    [Fact]
    public async Task The_same_feed_pushed_plain_after_gzip_is_the_same_payload()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = TestPeople.CivilAffairsCsv(Enumerable.Range(20, 2));
        using var first = await PushAsync(client, Gzip(csv), "gzip");
        var firstReport = await first.ReadReportAsync();

        using var again = await client.PushAsync("civil-affairs", csv, "text/csv");
        var second = await again.ReadReportAsync();

        Assert.Equal(firstReport.Id, second.Id);
        Assert.True(second.Repeated);
    }

    [Fact]
    public async Task A_gzip_body_that_decompresses_past_the_limit_is_413_and_nothing_is_kept()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var bomb = Gzip(new byte[10 * 1024 * 1024]);
        Assert.True(bomb.Length < 65536);

        using var response = await PushAsync(client, bomb, "gzip");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Feed too large");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_400_and_nothing_is_kept()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await PushAsync(client, Encoding.UTF8.GetBytes("this was never gzip"), "gzip");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Corrupt compressed feed");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_gzip_body_cut_short_is_400_and_nothing_is_kept()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var whole = Gzip(TestPeople.CivilAffairsCsv(Enumerable.Range(30, 200)));

        using var response = await PushAsync(client, whole[..(whole.Length / 2)], "gzip");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Corrupt compressed feed");
        Assert.Contains("ends early", problem.Detail, StringComparison.Ordinal);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_brotli_encoded_feed_is_processed_and_one_cut_short_is_400()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = TestPeople.CivilAffairsCsv(Enumerable.Range(90, 3));
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(csv);
        }

        var whole = output.ToArray();

        using var cut = await PushAsync(client, whole[..^2], "br");
        using var response = await PushAsync(client, whole, "br");

        await AssertProblemAsync(cut, HttpStatusCode.BadRequest, "Corrupt compressed feed");
        Assert.Equal(new BatchCounts { Received = 3, Inserted = 3 }, (await client.WaitForBatchAsync(response.Headers.Location!)).Counts);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("deflate")]
    [InlineData("gzip, br")]
    public async Task An_unsupported_content_encoding_is_415(string encoding)
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await PushAsync(client, TestPeople.CivilAffairsCsv([40]), encoding);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported content encoding");
    }

    [Fact]
    public async Task Text_plain_is_415()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([41]), "text/plain; charset=utf-8");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported media type");
    }

    [Fact]
    public async Task The_same_bytes_pushed_again_with_the_right_charset_are_a_new_batch()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var gb18030 = Hub.Core.Feeds.Reading.CharsetEncoding.Gb18030.GetBytes(Encoding.UTF8.GetString(TestPeople.CivilAffairsCsv(Enumerable.Range(50, 2))));
        var wrong = await client.PushAndWaitAsync("civil-affairs", gb18030, "text/csv; charset=utf-8");
        Assert.Equal(BatchStatus.Failed, wrong.Status);
        Assert.Contains("is the file GB18030?", wrong.FailureReason, StringComparison.Ordinal);

        using var again = await client.PushAsync("civil-affairs", gb18030, "text/csv; charset=gb18030");
        var right = await again.ReadReportAsync();

        Assert.False(right.Repeated);
        Assert.NotEqual(wrong.Id, right.Id);
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 2 }, (await client.WaitForBatchAsync(again.Headers.Location!)).Counts);
    }

    [Fact]
    public async Task A_body_that_ends_before_its_content_length_is_not_taken_for_the_whole_feed()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var body = TestPeople.CivilAffairsCsv(Enumerable.Range(70, 5));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        content.Headers.ContentLength = body.Length + 1000;

        using var response = await client.PostAsync(new Uri("/api/feeds/civil-affairs", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Incomplete feed");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_body_that_breaks_off_mid_upload_surfaces_its_own_error_and_leaves_no_batch()
    {
        // What the server raises when a client stalls or goes away before its Content-Length; the Hub's error path
        // answers it (408 or 400) like any unreadable request, so the intake must raise it as it is.
        var broken = new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest);
        var csv = TestPeople.CivilAffairsCsv(Enumerable.Range(80, 300));
        var intake = _hub.Services.GetRequiredService<FeedIntake>();
        var submission = new FeedSubmission("civil-affairs", FeedMode.Delta, new FeedContentType(FeedFormat.Csv, null), "civil-affairs-client", csv.Length);

        var thrown = await Assert.ThrowsAsync<BadHttpRequestException>(() => intake.AcceptAsync(submission, new BreakingStream(csv, csv.Length / 2, broken)));

        Assert.Same(broken, thrown);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_push_that_stalls_short_of_its_content_length_on_a_real_server_is_a_408_problem_and_leaves_no_batch()
    {
        _hub.UseKestrel(0);
        _hub.StartServer();
        using var client = _hub.CreatePublisherClient("civil-affairs");
        var body = TestPeople.CivilAffairsCsv(Enumerable.Range(60, 5));
        var address = client.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/feeds/civil-affairs HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {client.DefaultRequestHeaders.Authorization!.Parameter}\r\n" +
            $"Content-Type: text/csv\r\nContent-Length: {body.Length + 1000}\r\n\r\n";

        // The client sends part of what it promised and then nothing more; the server's minimum data rate ends the
        // wait after a few seconds.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("HTTP/1.1 408", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        await AssertNothingKeptAsync();
    }

    private static async Task<HttpResponseMessage> PushAsync(HttpClient client, byte[] body, string encoding)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        foreach (var coding in encoding.Split(", "))
        {
            content.Headers.ContentEncoding.Add(coding);
        }

        return await client.PostAsync(new Uri("/api/feeds/civil-affairs", UriKind.Relative), content);
    }

    /// <summary>A body that delivers its first bytes and then fails, as a request body does when the client goes away.</summary>
    private sealed class BreakingStream(byte[] data, int breakAt, Exception failure) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAt)
            {
                throw failure;
            }

            var read = Math.Min(count, breakAt - _position);
            Array.Copy(data, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private async Task AssertNothingKeptAsync()
    {
        Assert.Empty(await _hub.Storage.FeedArchive.GetBlobsAsync(BlobTraits.None, BlobStates.None, "civil-affairs/", CancellationToken.None).ToListAsync());
        Assert.Empty(await _hub.Services.GetRequiredService<BatchStore>().ListAsync("civil-affairs", 10));
    }

    private static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(title, problem!.Title);
        return problem;
    }
}
