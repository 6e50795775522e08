using System.Diagnostics;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Functions.Tests.Hosting;

[Collection(AzuriteFixture.Collection)]
public sealed class TelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private HubFactory? _hub;

    public Task InitializeAsync()
    {
        _hub = new HubFactory(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _hub!.DisposeAsync();

    [Fact]
    public async Task Feed_processing_emits_spans_and_metrics_without_personal_data()
    {
        await using var hub = _hub!.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        }));
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = _hub.CreatePublisherClient("civil-affairs").DefaultRequestHeaders.Authorization;
        var people = new[] { 900, 901 };

        var report = await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(people), "text/csv");
        // The batch reads "completed" as its last write; the processing span ends a moment after, so wait for it.
        var tracer = hub.Services.GetRequiredService<TracerProvider>();
        for (var waited = 0; waited < 50 && !_spans.ToArray().Any(s => s.OperationName == "ProcessFeedBatch"); waited++)
        {
            tracer.ForceFlush();
            await Task.Delay(100);
        }

        hub.Services.GetRequiredService<MeterProvider>().ForceFlush();
        // Stopping the host stops the background work that exports, so the lists no longer change while read.
        await hub.DisposeAsync();

        Assert.Equal(BatchStatus.Completed, report.Status);
        var processing = Assert.Single(_spans, s => s.OperationName == "ProcessFeedBatch");
        Assert.Equal(report.Id, processing.GetTagItem("hub.batch.id"));
        Assert.Contains(_spans, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "/api/feeds/{source}/");
        Assert.Contains(_metrics, m => m.Name == "hub.feed.records");
        Assert.Contains(_metrics, m => m.Name == "hub.storage.operations");
        var tagValues = _spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        foreach (var person in people)
        {
            Assert.DoesNotContain(tagValues, v => v.Contains(TestPeople.Id(person)[..14], StringComparison.Ordinal) || v.Contains($"测试{person}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_id_number_sent_in_a_path_is_not_recorded_in_a_span()
    {
        using var hub = _hub!.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = _hub.CreatePublisherClient("police").DefaultRequestHeaders.Authorization;
        var id = TestPeople.Id(902);

        using var routed = await client.GetAsync(new Uri($"/api/feeds/police/batches/{id}", UriKind.Relative));
        using var unrouted = await client.GetAsync(new Uri($"/api/nowhere/{id}", UriKind.Relative));
        hub.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var server = _spans.Where(s => s.Kind == ActivityKind.Server).ToList();
        Assert.Equal(2, server.Count);
        Assert.Contains(server, s => (string?)s.GetTagItem("url.path") == "/api/feeds/{source}/batches/{batchId}");
        Assert.DoesNotContain(server.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(id, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(server, s => s.DisplayName.Contains(id, StringComparison.Ordinal));
    }
}
