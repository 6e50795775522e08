using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Feeds.Batches;
using Hub.Samples;

namespace Hub.Benchmarks;

/// <summary>A police delta pushed through the Hub's feed route as a department would, and waited for until it completes.</summary>
internal static class PoliceDelta
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>Pushes the CSV at <paramref name="path"/> and polls its batch every <paramref name="poll"/> until it is completed.</summary>
    public static async Task<BatchReport> PushAndWaitAsync(HttpClient publisher, string path, TimeSpan poll)
    {
        await using var body = File.OpenRead(path);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await publisher.PostAsync(new Uri($"/api/feeds/{ShippedSources.Police}?mode=delta", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        while (true)
        {
            var report = (await publisher.GetFromJsonAsync<BatchReport>(response.Headers.Location!, Json))!;
            if (report.Status == BatchStatus.Completed)
            {
                return report;
            }

            if (report.IsSettled)
            {
                throw new InvalidOperationException($"The delta ended {report.Status}: {report.FailureReason}");
            }

            await Task.Delay(poll);
        }
    }
}
