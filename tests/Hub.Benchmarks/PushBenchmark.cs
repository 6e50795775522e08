using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Exchange;
using Hub.Core.Feeds;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Benchmarks;

/// <summary>
/// Push delivery of one large delta's change events to a local receiver, measured in one run: a population of N
/// persons seeded, a push and a pull subscription of a civil-affairs officer of the city, then a police delta in which
/// every one of the N persons dies, moves or moves out. From the batch's completion to the last event the receiver
/// takes: events/s, the delay to the first and last event and per event, deliveries and storage operations; then the
/// same deliveries posted again to the receiver without the Hub, and the same events read from the pull feed.
/// </summary>
internal static class PushBenchmark
{
    private const string Holder = "bench-officer";
    private const string Purpose = "benefit-review";

    // A department officer of the city: every person of the two home districts lies in their jurisdiction.
    private const string City = "110100000000";

    public static async Task<PushResult> RunAsync(string storage, int persons)
    {
        var prefix = $"pushbench{Environment.ProcessId}";
        var settings = new Dictionary<string, string>
        {
            ["Hub:Push:AllowLoopbackHttp"] = "true",

            // No sweep during the run: it would ask a second time for a delivery already under way.
            ["Hub:Push:SweepSchedule"] = "0 0 0 1 1 *",

            // The per-user limit raised, so it does not decide the pull feed's figure (one officer reads every page).
            ["Hub:RateLimits:TokenLimit"] = "1000000",
            ["Hub:RateLimits:TokensPerPeriod"] = "1000000",
        };
        await using var factory = new BenchmarkHub(storage, prefix, settings) { DeleteStorageOnDispose = true };
        factory.UseKestrel(0);
        factory.StartServer();
        var services = factory.Services;

        Console.Error.WriteLine($"Seeding {persons:N0} persons (police and civil-affairs registers)...");
        var seeded = await PopulationSeed.RunAsync(services, persons);
        Console.Error.WriteLine($"  {seeded.AcceptedRows:N0} records in {seeded.Elapsed.TotalSeconds:N1} s");

        await using var receiver = new PushReceiver();
        using var officer = factory.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.MintPersonal(Holder, [HubRoles.DepartmentOfficer], City, department: ShippedSources.CivilAffairs));
        var (pushId, secret) = await SubscribeAsync(officer, receiver.Endpoint);
        receiver.Secret = secret;
        var (pullId, _) = await SubscribeAsync(officer, endpoint: null);
        var subscription = (await services.GetRequiredService<SubscriptionStore>().GetAsync(Holder, pushId))!;

        var deltaPath = Path.Combine(Path.GetTempPath(), $"hub-push-bench-{persons}.csv");
        long deltaRows;
        await using (var file = File.Create(deltaPath))
        {
            deltaRows = await LifeEventsDelta.WritePoliceCsvAsync(file, persons, PopulationLoad.Seed, PopulationLoad.Focus);
        }

        Console.Error.WriteLine($"Pushing a {deltaRows:N0}-row police delta...");
        using var publisher = factory.CreatePublisherClient(ShippedSources.Police);
        var pushed = Stopwatch.StartNew();
        var report = await PoliceDelta.PushAndWaitAsync(publisher, deltaPath, TimeSpan.FromMilliseconds(100));

        // The batch published its events before it completed, so the feed's tail is final; read before counting starts.
        var tail = await services.GetRequiredService<ChangeEventLog>().TailAsync();
        var operationsAtCompletion = factory.StorageOperations.Count;
        File.Delete(deltaPath);
        Console.Error.WriteLine($"  batch completed in {pushed.Elapsed.TotalSeconds:N1} s: {report.Counts.Updated:N0} updated, {report.Counts.Rejected:N0} rejected");

        Console.Error.WriteLine("Following push delivery...");
        var deliveries = services.GetRequiredService<PushDeliveryStore>();

        // The benchmark's own reads of the delivery state go through the Hub's counted client: one point read each.
        long ownReads = 0;
        var deadline = Stopwatch.StartNew();
        while ((await deliveries.GetStateAsync(pushId, subscription.Start)).Cursor < tail)
        {
            ownReads++;
            if (deadline.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"Push delivery stood before {tail} after 30 minutes.");
            }

            await Task.Delay(100);
        }

        ownReads++;
        var arrivals = receiver.Arrivals.ToList();

        // Each delivery is audited as a disclosure of the persons it names, and the audit trail's person index writes
        // their rows after the delivery goes on: its backlog belongs to delivery's cost, so the count waits for it.
        var operationsAtDelivered = factory.StorageOperations.Count;
        var backlog = await AuditIndexSettling.WaitAsync(new TableServiceClient(storage), prefix);
        var deliveryOperations = operationsAtDelivered - operationsAtCompletion - ownReads;
        var indexOperations = factory.StorageOperations.Count - operationsAtDelivered;
        var published = tail - subscription.Start;

        // The baselines right after delivery, so that the shared machine's load when they run is the load delivery met.
        Console.Error.WriteLine("Measuring raw Azurite...");
        var concurrency = services.GetRequiredService<IOptions<FeedProcessingOptions>>().Value.MergeConcurrency;
        var raw = await RawTableBaseline.EntitiesPerSecondAsync(new TableServiceClient(storage), $"{prefix}raw", persons, attributesLength: 260, concurrency);

        Console.Error.WriteLine("Posting the same deliveries to the receiver without the Hub...");
        receiver.Recording = false;
        var direct = await PostDirectlyAsync(receiver, secret, arrivals);

        Console.Error.WriteLine("Reading the same events from the pull feed...");
        var (pulled, pullSeconds, pages) = await PullAllAsync(officer, pullId);

        return new PushResult(
            deltaRows,
            report.Counts.Updated,
            published,
            receiver.Events,
            receiver.DistinctEvents,
            receiver.Refused,
            arrivals.Select(a => (a.At - report.FinishedAt!.Value, a.Events)).ToList(),
            deliveryOperations,
            direct,
            raw,
            pulled / pullSeconds,
            pages,
            services.GetRequiredService<IOptions<PushDeliveryOptions>>().Value.EventsPerDelivery)
        {
            IndexBacklog = backlog,
            Types = receiver.Types.ToDictionary(),
            IndexOperations = indexOperations,
        };
    }

    private static async Task<(string Id, WebhookSecret Secret)> SubscribeAsync(HttpClient officer, Uri? endpoint)
    {
        using var response = await officer.PostAsJsonAsync(new Uri("/api/subscriptions", UriKind.Relative), new { purpose = Purpose, endpoint = endpoint?.AbsoluteUri });
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Subscribing answered {(int)response.StatusCode}: {created}");
        }

        // A pull subscription has no secret; a push subscription always has one.
        _ = WebhookSecret.TryParse((string?)created!["secret"], out var secret);
        return ((string)created["id"]!, secret);
    }

    // The deliveries the Hub made, signed afresh and posted one at a time as the Hub sends them: the receiver's own rate.
    // Posted again and again for at least two seconds, as one pass is over too soon to be timed.
    private static async Task<double> PostDirectlyAsync(PushReceiver receiver, WebhookSecret secret, IReadOnlyList<PushArrival> arrivals)
    {
        using var client = new HttpClient();
        var events = 0L;
        var stopwatch = Stopwatch.StartNew();
        foreach (var arrival in Enumerable.Repeat(arrivals, int.MaxValue).SelectMany(a => a).TakeWhile(_ => stopwatch.Elapsed < TimeSpan.FromSeconds(2)))
        {
            var now = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Endpoint) { Content = new ByteArrayContent(arrival.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(WebhookSender.BatchMediaType) { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.IdHeader, arrival.DeliveryId);
            request.Headers.Add(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, arrival.DeliveryId, now, arrival.Body));
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            events += arrival.Events;
        }

        return events / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(long Events, double Seconds, int Pages)> PullAllAsync(HttpClient officer, string id)
    {
        var stopwatch = Stopwatch.StartNew();
        long events = 0;
        var pages = 0;
        string? cursor = null;
        while (true)
        {
            var query = cursor is null ? "limit=500" : $"limit=500&cursor={cursor}";
            var page = (await officer.GetFromJsonAsync<JsonObject>(new Uri($"/api/subscriptions/{id}/events?{query}", UriKind.Relative)))!;
            pages++;
            events += page["events"]!.AsArray().Count;
            cursor = (string)page["next"]!;
            if ((bool)page["caughtUp"]!)
            {
                return (events, stopwatch.Elapsed.TotalSeconds, pages);
            }
        }
    }
}
