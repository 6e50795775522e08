using System.Net;
using System.Net.Http.Json;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Quality;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Samples;

namespace Hub.Functions.Tests.Quality;

/// <summary>
/// Who reads which department's data quality, as the access policy's <c>dataQuality</c> entries say: a feed client its
/// own source's, a department officer their department's, an administrator the city's; every request audited once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QualityAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 7, People = 40 }).Generate();

    private readonly PersonsHub _hub = new(azurite);
    private readonly Dictionary<string, BatchReport> _batches = [];

    public async Task InitializeAsync()
    {
        foreach (var source in new[] { ShippedSources.Police, ShippedSources.CivilAffairs })
        {
            using var stream = new MemoryStream();
            var format = SampleSet.Layout.Single(l => l.Source == source).Format;
            await FeedWriter.WriteAsync(FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0.1 }), stream, format);
            _batches[source] = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), SampleQualityTests.ContentType(format), "snapshot");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_integrator_of_one_department_reads_its_own_figures_and_none_of_another_departments()
    {
        using var civil = _hub.Factory.CreatePublisherClient(ShippedSources.CivilAffairs);
        var police = _batches[ShippedSources.Police].Id;

        var city = (await civil.GetFromJsonAsync<CityQualityView>("/api/quality", FeedClient.Json))!;
        var own = await civil.GetAsync(new Uri("/api/quality/civil-affairs", UriKind.Relative));
        var other = await civil.GetAsync(new Uri("/api/quality/police", UriKind.Relative));
        var otherBatch = await civil.GetAsync(new Uri($"/api/quality/police/batches/{police}", UriKind.Relative));
        var otherExport = await civil.GetAsync(new Uri("/api/quality/export?source=police", UriKind.Relative));

        Assert.Equal([ShippedSources.CivilAffairs], city.Sources.Select(s => s.Source));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { other.StatusCode, otherBatch.StatusCode, otherExport.StatusCode });
        Assert.DoesNotContain("received", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_officer_reads_their_department_an_administrator_the_city_and_a_street_officer_nothing()
    {
        using var officer = _hub.As("officer-civil", HubRoles.DepartmentOfficer, PersonsHub.District, department: ShippedSources.CivilAffairs);
        using var administrator = _hub.As("admin-1", HubRoles.Administrator, "110100000000");
        using var street = _hub.StreetOfficer();

        var mine = (await officer.GetFromJsonAsync<CityQualityView>("/api/quality", FeedClient.Json))!;
        var theirs = await officer.GetAsync(new Uri("/api/quality/police", UriKind.Relative));
        var city = (await administrator.GetFromJsonAsync<CityQualityView>("/api/quality", FeedClient.Json))!;
        var policeBatch = (await administrator.GetFromJsonAsync<BatchQualityReport>($"/api/quality/police/batches/{_batches[ShippedSources.Police].Id}", FeedClient.Json))!;
        var streetCity = await street.GetAsync(new Uri("/api/quality", UriKind.Relative));
        var streetSource = await street.GetAsync(new Uri("/api/quality/civil-affairs", UriKind.Relative));

        Assert.Equal([ShippedSources.CivilAffairs], mine.Sources.Select(s => s.Source));
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(ShippedSources.Ids.Order(StringComparer.Ordinal), city.Sources.Select(s => s.Source));
        Assert.Null(city.Sources.Single(s => s.Source == ShippedSources.HousingSecurity).Latest);
        Assert.Equal(_batches[ShippedSources.Police].Counts.Rejected, policeBatch.Figures.Rejected);
        Assert.Null(policeBatch.PreviousBatchId);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (streetCity.StatusCode, streetSource.StatusCode));
    }

    [Fact]
    public async Task Unknown_sources_and_batches_are_not_found_and_every_request_is_audited_once_whatever_its_answer()
    {
        using var administrator = _hub.As("admin-1", HubRoles.Administrator, "110100000000");
        using var civil = _hub.Factory.CreatePublisherClient(ShippedSources.CivilAffairs);
        var before = (await _hub.EventsAsync()).Count(e => e.Event.Action.Value == "quality.read");
        string[] paths = ["/api/quality/no-such-source", "/api/quality/NOT%20A%20SOURCE", "/api/quality/police/batches/20990101000000-aaaaaaaa", "/api/quality/police/batches/not-a-batch", "/api/quality/export?source=BAD!"];

        var answers = new List<HttpStatusCode>();
        foreach (var path in paths)
        {
            answers.Add((await administrator.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        answers.Add((await civil.GetAsync(new Uri("/api/quality/police", UriKind.Relative))).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, paths.Length), HttpStatusCode.Forbidden], answers);
        var reads = (await _hub.EventsAsync()).Where(e => e.Event.Action.Value == "quality.read").Skip(before).ToList();
        Assert.Equal(paths.Length + 1, reads.Count);
    }

    private sealed record CityQualityView(IReadOnlyList<SourceQuality> Sources);
}
