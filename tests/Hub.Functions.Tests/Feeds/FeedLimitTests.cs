using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Tests.Feeds;

[Collection(AzuriteFixture.Collection)]
public sealed class FeedLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Feeds:MaxPayloadBytes"] = "4096" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_unknown_source_is_404_with_a_problem_body()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("no-such-source", "a,b\r\n1,2\r\n"u8.ToArray(), "text/csv");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Unknown source");
    }

    [Fact]
    public async Task An_unsupported_media_type_is_415_naming_the_supported_ones()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", [1, 2, 3], "image/png");

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported media type");
        Assert.Contains("text/csv", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_charset_is_415()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", "a\r\n"u8.ToArray(), "text/csv; charset=latin1");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", [], "text/csv");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Empty feed");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_nothing_is_archived()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(0, 200)), "text/csv");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Feed too large");
        Assert.Empty(await _hub.Storage.FeedArchive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_as_well()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        using var content = new StreamContent(new MemoryStream(TestPeople.CivilAffairsCsv(Enumerable.Range(0, 200))));
        content.Headers.ContentType = new("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feeds/civil-affairs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_mode_is_400()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv", "replace-all");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Unknown mode");
    }

    [Fact]
    public async Task Malformed_csv_fails_the_batch_with_the_row_it_broke_at()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = Encoding.UTF8.GetString(TestPeople.CivilAffairsCsv([1, 2])) + "\"unclosed,王,女,城市低保,1,2024-01-01,110105003002,G1\r\n";

        var report = await client.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("row 4", report.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_fails_and_names_them()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        var report = await client.PushAndWaitAsync("civil-affairs", "姓名,性别\r\n王,女\r\n"u8.ToArray(), "text/csv");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("身份证号码", report.FailureReason, StringComparison.Ordinal);
        Assert.Contains("救助类型", report.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_fails_as_xlsx()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        var report = await client.PushAndWaitAsync("civil-affairs", "this is not a zip"u8.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("XLSX", report.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_batch_is_404()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");

        using var response = await client.GetAsync(new Uri("/api/feeds/civil-affairs/batches/20260101000000-deadbeef", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Unknown batch");
    }

    private static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(title, problem!.Title);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }
}
