using System.Net.Http.Json;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Protection;

/// <summary>
/// The sample population's four registers pushed as <c>eng/run.sh</c> pushes them: no ID number and no disability
/// certificate number is left in clear in the facts table, which holds each department's records and each person's
/// view, and the profile read back is whole.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SealedAtRestTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 200 }).Generate();

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        foreach (var (source, _, format) in SampleSet.Layout)
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0 }), stream, format);
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), "snapshot");
            Assert.True(report.Status == BatchStatus.Completed, $"The {source} feed was not taken: {report.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task No_id_number_or_certificate_number_is_stored_in_clear_in_the_facts_table()
    {
        var storage = _hub.Factory.Services.GetRequiredService<HubStorage>();
        var secrets = Population.People.Select(p => p.ResidentId.Value)
            .Concat(Population.People.Where(p => p.Disability is not null).Select(p => p.Disability!.CertificateNumber))
            .ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var scanned = 0;
        await foreach (var table in storage.ServiceTables.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(storage.Facts.Name[..^"facts".Length], StringComparison.Ordinal))
            {
                continue;
            }

            var client = storage.ServiceTables.GetTableClient(table.Name);
            await foreach (var entity in client.QueryAsync<TableEntity>())
            {
                scanned++;
                var clear = ((IDictionary<string, object>)entity).Values.OfType<string>().Count(text => secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)));
                if (clear > 0)
                {
                    found[table.Name] = found.GetValueOrDefault(table.Name) + clear;
                }
            }
        }

        output.WriteLine($"{scanned} entities scanned; values holding an ID or certificate number in clear: " +
            (found.Count == 0 ? "none" : string.Join(", ", found.Select(f => $"{f.Key} {f.Value}"))));
        Assert.True(scanned > Population.People.Count);
        Assert.False(found.ContainsKey(storage.Facts.Name), $"{found.GetValueOrDefault(storage.Facts.Name)} values in the facts table hold an ID or certificate number in clear");
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

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
