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
    /// <summary>The seed of the generated population, so every run reads the same persons.</summary>
    public const int Seed = 20261123;

    /// <summary>Civil affairs is the focus: every generated household receives assistance, so every person is a resident the lists show.</summary>
    public const string Focus = ShippedSources.CivilAffairs;

    /// <summary>The feeds, in the order they are pushed.</summary>
    public static readonly IReadOnlyList<string> Sources = [ShippedSources.Police, ShippedSources.CivilAffairs];

    /// <summary>
    /// No injected cell mistakes: a record kept for matching costs candidate searches, which Azurite answers by
    /// scanning the whole table, so a few thousand of them would make the load take longer than everything else.
    /// </summary>
    public static readonly FeedWriterOptions Clean = new() { MistakeRate = 0 };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>Pushes the feeds to the Hub at <paramref name="hub"/>, each with a token of its publisher.</summary>
    public static Task<PopulationLoadResult> RunAsync(Uri hub, int persons, CancellationToken cancellationToken = default) =>
        RunAsync(source => PublisherClient(hub, source), persons, cancellationToken);

    /// <summary>Pushes the feeds with the clients <paramref name="publisher"/> gives, one per source.</summary>
    public static async Task<PopulationLoadResult> RunAsync(Func<string, HttpClient> publisher, int persons, CancellationToken cancellationToken = default)
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
                    await FeedWriter.WritePopulationCsvAsync(file, ShippedSources.Get(source), persons, Seed, Focus, Clean, cancellationToken);
                }

                var stopwatch = Stopwatch.StartNew();
                using var client = publisher(source);
                var report = await PushAsync(client, source, path, cancellationToken);
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

    private static HttpClient PublisherClient(Uri hub, string source)
    {
        var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
        return client;
    }

    private static async Task<BatchReport> PushAsync(HttpClient client, string source, string path, CancellationToken cancellationToken)
    {
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
