using System.Net.Http.Json;
using Hub.Core.Feeds.Batches;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Protection;

/// <summary>
/// The sample population's four registers pushed as <c>eng/run.sh</c> pushes them: no ID number and no other L3 or L4
/// value is left in clear in any table, blob or queue message of the Hub, and the profile read back is whole.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SealedAtRestTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 200 }).Generate();

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        foreach (var ((source, _, format), feed) in SampleSet.Layout.Zip(Snapshots()))
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(feed, stream, format);
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), "snapshot");
            Assert.True(report.Status == BatchStatus.Completed, $"The {source} feed was not taken: {report.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task No_id_number_or_sensitive_value_is_stored_in_clear_in_any_table_blob_or_queue()
    {
        // A delta of deaths (change events) and a register typed carelessly (rejected rows, records kept without a
        // usable ID, the steward's queue), so every place the Hub writes holds something.
        var deaths = FeedWriter.ComposePoliceDelta(Population);
        var careless = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.CivilAffairs), new FeedWriterOptions { MistakeRate = 0.3 });
        await PushAsync(ShippedSources.Police, deaths, SampleFileFormat.CsvUtf8Bom);
        await PushAsync(ShippedSources.CivilAffairs, careless, SampleFileFormat.CsvUtf8Bom);
        var storage = _hub.Factory.Services.GetRequiredService<HubStorage>();
        var scan = await StoredValueScan.RunAsync(storage, SensitiveValues([.. Snapshots(), deaths, careless]), SensitiveAttributes());

        output.WriteLine(scan.Summary);
        Assert.True(scan.Entities > Population.People.Count, scan.Summary);
        Assert.True(scan.Blobs >= SampleSet.Layout.Count, scan.Summary);
        Assert.True(scan.Findings.Count == 0, scan.Summary);
    }

    [Fact]
    public async Task A_steward_reads_the_id_number_back_from_the_sealed_facts()
    {
        var person = Population.People.First(p => p.Disability is not null && p.DiedOn is null);
        using var steward = _hub.As("steward", Hub.Core.Access.HubRoles.DataSteward, "110100000000");

        using var response = await steward.PostAsJsonAsync(new Uri("/api/persons/lookup", UriKind.Relative), new { residentId = person.ResidentId.Value, purpose = "eligibility-check" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains(person.ResidentId.Value, body, StringComparison.Ordinal);
        Assert.Contains(person.Disability!.CertificateNumber[..6], body, StringComparison.Ordinal);
    }

    private async Task PushAsync(string source, SampleFeed feed, SampleFileFormat format)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), "delta");
        Assert.True(report.Status == BatchStatus.Completed, $"The {source} delta was not taken: {report.FailureReason}");
        output.WriteLine($"{source} delta: {report.Counts.Received} received, {report.Counts.Rejected} rejected, {report.Counts.Unidentified} without a usable ID");
    }

    /// <summary>
    /// Every L3 or L4 value the feeds carried that says something on its own: ID and certificate numbers, and the
    /// code labels (a disability category, an assistance type) written out. Dates and amounts are too common to look
    /// for as text; <see cref="SensitiveAttributes"/> finds them by name.
    /// </summary>
    private static HashSet<string> SensitiveValues(IEnumerable<SampleFeed> feeds)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            var sensitive = feed.Source.Fields.Where(f => f.Sensitivity >= Sensitivity.L3).SelectMany(f => f.Headers).ToHashSet(StringComparer.Ordinal);
            foreach (var row in feed.Rows)
            {
                foreach (var (column, value) in row.Values)
                {
                    if (value is { Length: > 0 } text && sensitive.Contains(column) && Distinctive(text))
                    {
                        values.Add(text);
                    }
                }
            }
        }

        return values;

        static bool Distinctive(string text) => text.Any(c => c > 0x7f) ? text.Length >= 2 : text.Length >= 15;
    }

    private static IEnumerable<SampleFeed> Snapshots() =>
        SampleSet.Layout.Select(l => FeedWriter.Compose(Population, ShippedSources.Get(l.Source), new FeedWriterOptions { MistakeRate = 0 }));

    // The ID number as a record sent it, when it was unusable, is an ID number too.
    private static HashSet<string> SensitiveAttributes() =>
        SampleSet.Layout.SelectMany(l => ShippedSources.Get(l.Source).Fields).Where(f => f.Sensitivity >= Sensitivity.L3)
            .Select(f => f.Attribute).Append("residentIdAsSent").ToHashSet(StringComparer.Ordinal);

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
