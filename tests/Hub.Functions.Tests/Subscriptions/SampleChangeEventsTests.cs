using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>
/// The sample population's four feeds, then the police delta: a department officer subscribed city-wide before the
/// first push reads every death and move out of the area the register states, each with its date, and the delta's
/// later deaths as the delta batch's events.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SampleChangeEventsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 600 }).Generate();

    private static readonly string[] StatusTypes = ["hub.person.deceased", "hub.person.status-changed"];

    private readonly Persons.PersonsHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_sample_feeds_and_the_police_delta_yield_the_deaths_and_moves_the_register_states()
    {
        var police = FeedWriter.Compose(Population, ShippedSources.Get("police"), new FeedWriterOptions { MistakeRate = 0 });
        var registered = police.Rows.Select(r => r.Person).DistinctBy(p => p.ResidentId).ToList();
        // The population lives in two districts: one civil-affairs officer in each.
        var subscriptions = new List<(HttpClient Officer, string Id)>();
        foreach (var district in new[] { "110105000000", "110108000000" })
        {
            var officer = _hub.As("civil-affairs-" + district, HubRoles.DepartmentOfficer, district, department: "civil-affairs");
            using var created = await PostAsync(officer, "/api/subscriptions", new { types = StatusTypes, purpose = "benefit-review" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            subscriptions.Add((officer, (string)(await JsonAsync(created))["id"]!));
        }

        foreach (var (source, _, format) in SampleSet.Layout)
        {
            await PushAsync(source, FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0 }), format, "snapshot");
        }

        var delta = FeedWriter.ComposePoliceDelta(Population);
        var deltaBatch = await PushAsync("police", delta, SampleSet.PoliceDelta.Format, "delta");
        var events = new List<JsonNode>();
        foreach (var (officer, id) in subscriptions)
        {
            events.AddRange(await PullAllAsync(officer, id));
            officer.Dispose();
        }

        events = [.. events.DistinctBy(e => (string?)e["id"])];

        var hasher = _hub.Factory.Services.GetRequiredService<PersonKeyHasher>();
        string Key(Person p) => hasher.Hash(p.ResidentId).Value;
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expectedDeaths = registered.Where(p => p.DiedOn is not null).Select(p => (Key(p), Day(p.DiedOn!.Value))).Order().ToList();
        var expectedMoves = registered.Where(p => p.DiedOn is null && p.MovedOutOn is not null).Select(p => (Key(p), Day(p.MovedOutOn!.Value))).Order().ToList();
        Assert.NotEmpty(expectedDeaths);
        Assert.NotEmpty(expectedMoves);
        Assert.Equal(expectedDeaths, Of(events, "hub.person.deceased"));
        Assert.Equal(expectedMoves, Of(events, "hub.person.status-changed"));
        var later = events.Where(e => (string?)e["data"]!["batch"] == deltaBatch).Select(e => (string?)e["subject"]).Order().ToList();
        Assert.Equal(delta.Rows.Select(r => Key(r.Person)).Distinct().Order(), later);
        Assert.All(events.Where(e => (string?)e["type"] == "hub.person.deceased"), e => Assert.Equal("deceased", (string?)e["data"]!["changes"]!["personStatus"]!["after"]));
    }

    private static List<(string, string)> Of(List<JsonNode> events, string type) =>
        [.. events.Where(e => (string?)e["type"] == type).Select(e => ((string)e["subject"]!, (string)e["data"]!["effectiveDate"]!)).Order()];

    private async Task<string> PushAsync(string source, SampleFeed feed, SampleFileFormat format, string mode)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), mode);
        Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        return report.Id;
    }

    private static async Task<List<JsonNode>> PullAllAsync(HttpClient client, string id)
    {
        var events = new List<JsonNode>();
        var cursor = string.Empty;
        JsonNode page;
        do
        {
            using var response = await client.GetAsync(new Uri($"/api/subscriptions/{id}/events?limit=500{cursor}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await JsonAsync(response);
            events.AddRange(page["events"]!.AsArray().Select(e => e!));
            cursor = $"&cursor={page["next"]}";
        }
        while (!(bool)page["caughtUp"]!);
        return events;
    }

    internal static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
