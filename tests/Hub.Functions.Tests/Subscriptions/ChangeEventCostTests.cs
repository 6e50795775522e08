using System.Globalization;
using System.Net;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>
/// What change events cost the merge, measured: the same feeds processed by two Hubs, one deriving, staging and
/// publishing events and one not, each batch run in-process with the triggers off so that the storage counter sees
/// that batch alone. The difference per changed record (inserted, updated or end-dated fact) is the events' cost.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ChangeEventCostTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 2000 }).Generate();

    private readonly HubFactory _with = new(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" });
    private readonly HubFactory _without = new(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false", ["Hub:Events:Enabled"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _with.DisposeAsync();
        await _without.DisposeAsync();
    }

    [Fact]
    public async Task Events_cost_the_merge_at_most_five_storage_operations_per_hundred_changed_records()
    {
        var feeds = SampleSet.Layout
            .Select(f => (f.Source, Feed: FeedWriter.Compose(Population, ShippedSources.Get(f.Source), new FeedWriterOptions { MistakeRate = 0 }), f.Format, Mode: "snapshot"))
            .Append(("police", FeedWriter.ComposePoliceDelta(Population), SampleSet.PoliceDelta.Format, "delta"))
            .ToList();
        long bulkExtra = 0, bulkChanged = 0;
        foreach (var (source, feed, format, mode) in feeds)
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(feed, stream, format);
            var (withOps, changed) = await ProcessAsync(_with, source, stream.ToArray(), format, mode);
            var (withoutOps, changedWithout) = await ProcessAsync(_without, source, stream.ToArray(), format, mode);
            Assert.Equal(changed, changedWithout);
            var extra = withOps - withoutOps;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source} {mode}: {changed} changed records, {withoutOps} operations without events, {extra} more with them: {(double)extra / Math.Max(1, changed):F4} per changed record"));
            if (mode == "snapshot")
            {
                bulkExtra += extra;
                bulkChanged += changed;
            }
        }

        var perRecord = (double)bulkExtra / bulkChanged;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the four snapshots: {bulkChanged} changed records, {bulkExtra} extra operations: {perRecord:F4} per changed record"));
        Assert.True(bulkExtra > 0, "events were derived, staged and published at no cost: they were not");
        Assert.True(perRecord <= 0.05, $"{perRecord:F4} extra storage operations per changed record");
    }

    // Pushes through the API (the batch waits in the queue), then processes it in-process and counts its operations.
    private static async Task<(long Operations, long Changed)> ProcessAsync(HubFactory hub, string source, byte[] body, SampleFileFormat format, string mode)
    {
        var client = hub.CreatePublisherClient(source);
        using var pushed = await client.PushAsync(source, body, SampleChangeEventsTests.ContentType(format), mode);
        Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
        var location = pushed.Headers.Location!;
        var batchId = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
        var processor = hub.Services.GetRequiredService<FeedProcessor>();
        var before = hub.StorageOperations.Count;
        await processor.ProcessAsync(new FeedBatchMessage(source, batchId));
        var operations = hub.StorageOperations.Count - before;
        var report = await client.WaitForBatchAsync(location);
        Assert.Equal(BatchStatus.Completed, report.Status);
        return (operations, report.Counts.Inserted + report.Counts.Updated + report.Counts.EndDated);
    }
}
