using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Feeds.Batches;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>What a departmental system does: push a file and follow its batch to the end.</summary>
public static class FeedClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<HttpResponseMessage> PushAsync(this HttpClient client, string source, byte[] body, string contentType, string? mode = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var query = mode is null ? string.Empty : $"?mode={mode}";
        return await client.PostAsync(new Uri($"/api/feeds/{source}{query}", UriKind.Relative), content);
    }

    /// <summary>Pushes a feed, expects 202, and waits until its batch has settled (completed, failed, held or discarded).</summary>
    internal static async Task<BatchReport> PushAndWaitAsync(this HttpClient client, string source, byte[] body, string contentType, string? mode = null)
    {
        using var response = await client.PushAsync(source, body, contentType, mode);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await client.WaitForBatchAsync(response.Headers.Location!);
    }

    internal static async Task<BatchReport> WaitForBatchAsync(this HttpClient client, Uri location, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var report = await client.GetFromJsonAsync<BatchReport>(location, Json);
            if (report!.IsSettled)
            {
                return report;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Batch {report.Id} is still {report.Status} after the timeout.");
            }

            await Task.Delay(100);
        }
    }

    internal static async Task<BatchReport> ReadReportAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<BatchReport>(Json))!;
}
