using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Samples;

namespace Hub.Benchmarks;

/// <summary>
/// Loads a population through the Hub's normal ingestion path: the police register (residence, registration,
/// household) and the civil-affairs register (assistance, hence the special groups) of the same people, pushed
/// over HTTP one after the other and followed to completion.
/// </summary>
internal static class PopulationLoad
{
    // Civil affairs is the focus: every generated household receives assistance, so every person is a resident the lists show.
    private static readonly string[] Sources = [ShippedSources.Police, ShippedSources.CivilAffairs];

    // No injected cell mistakes: a record kept for matching costs candidate searches, which Azurite answers by scanning
    // the whole table, so a few thousand of them would make the load take longer than everything else.
    private static readonly FeedWriterOptions Clean = new() { MistakeRate = 0 };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static async Task<PopulationLoadResult> RunAsync(Uri hub, int persons, CancellationToken cancellationToken = default)
    {
        var rows = 0L;
        var accepted = 0L;
        var loading = TimeSpan.Zero;
        foreach (var source in Sources)
        {
            var path = Path.Combine(Path.GetTempPath(), $"hub-bench-reads-{Environment.ProcessId}-{source}.csv");
            try
            {
                await using (var file = File.Create(path))
                {
                    await FeedWriter.WritePopulationCsvAsync(file, ShippedSources.Get(source), persons, seed: 20261123, focus: ShippedSources.CivilAffairs, Clean, cancellationToken);
                }

                var stopwatch = Stopwatch.StartNew();
                var report = await PushAsync(hub, source, path, cancellationToken);
                loading += stopwatch.Elapsed;
                Console.Error.WriteLine($"  {source}: {report.Counts.Received:N0} rows, {report.Counts.Inserted:N0} inserted, {report.Counts.Rejected:N0} rejected, {stopwatch.Elapsed.TotalSeconds:N1} s");
                rows += report.Counts.Received;
                accepted += report.Counts.Received - report.Counts.Rejected;
            }
            finally
            {
                File.Delete(path);
            }
        }

        return new PopulationLoadResult(persons, rows, accepted, loading);
    }

    private static async Task<BatchReport> PushAsync(Uri hub, string source, string path, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
        await using var body = File.OpenRead(path);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri($"/api/feeds/{source}", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The push of {source} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        while (true)
        {
            var report = (await client.GetFromJsonAsync<BatchReport>(response.Headers.Location!, Json, cancellationToken))!;
            if (report.Status == BatchStatus.Completed)
            {
                return report;
            }

            if (report.Status == BatchStatus.Failed)
            {
                throw new InvalidOperationException($"The {source} batch failed: {report.FailureReason}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
