using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.FunctionsHost;

/// <summary>The queue-triggered endpoints as the Functions host calls them, with no local runner competing.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueTriggerEnvelopeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_host_envelope_with_double_encoded_strings_processes_the_batch()
    {
        var publisher = _hub.CreatePublisherClient("civil-affairs");
        using var pushed = await publisher.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1, 2, 3]), "text/csv");
        var batch = await pushed.ReadReportAsync();
        var queued = (await _hub.Storage.FeedBatchQueue.ReceiveMessageAsync()).Value;

        using var response = await _hub.CreateClient().PostAsJsonAsync("/ProcessFeedBatch", HostEnvelope(queued.MessageText, dequeueCount: "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], answer.Select(p => p.Key));
        Assert.NotEmpty(answer["Logs"]!.AsArray());
        var report = await publisher.WaitForBatchAsync(pushed.Headers.Location!, TimeSpan.FromSeconds(5));
        Assert.Equal(batch.Id, report.Id);
        Assert.Equal(new BatchCounts { Received = 3, Inserted = 3 }, report.Counts);
    }

    [Fact]
    public async Task A_message_delivered_twice_changes_nothing_the_second_time()
    {
        var publisher = _hub.CreatePublisherClient("civil-affairs");
        using var pushed = await publisher.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([10, 11]), "text/csv");
        var message = (await _hub.Storage.FeedBatchQueue.ReceiveMessageAsync()).Value.MessageText;
        using (await _hub.CreateClient().PostAsJsonAsync("/ProcessFeedBatch", HostEnvelope(message, "1")))
        {
        }

        var before = await FactVersionsAsync();
        using var again = await _hub.CreateClient().PostAsJsonAsync("/ProcessFeedBatch", HostEnvelope(message, "2"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, await FactVersionsAsync());
        var report = await publisher.WaitForBatchAsync(pushed.Headers.Location!, TimeSpan.FromSeconds(5));
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 2 }, report.Counts);
    }

    [Fact]
    public async Task A_failing_invocation_answers_500_with_the_envelope_so_the_host_retries()
    {
        var message = JsonSerializer.Serialize(new { source = "civil-affairs", batchId = "20260101000000-00000000" });

        using var response = await _hub.CreateClient().PostAsJsonAsync("/ProcessFeedBatch", HostEnvelope("{not json", "3"));
        using var unknown = await _hub.CreateClient().PostAsJsonAsync("/ProcessFeedBatch", HostEnvelope(message, "1"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("attempt 3", (string?)answer["Logs"]![0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    /// <summary>What the host sends: every string value passed through JsonConvert.SerializeObject once more.</summary>
    private static JsonObject HostEnvelope(string messageText, string dequeueCount) => new()
    {
        ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(messageText) },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount,
            ["Id"] = JsonSerializer.Serialize("5f0e8a3c-8d52-4f5d-9d7c-3a1f0b7e2c11"),
            ["PopReceipt"] = JsonSerializer.Serialize("AgAAAAMAAAAAAAAA"),
            ["InsertionTime"] = "2026-11-23T15:04:05+00:00",
            ["sys"] = new JsonObject { ["MethodName"] = "ProcessFeedBatch", ["UtcNow"] = "2026-11-23T15:04:06Z", ["RandGuid"] = "0b1c2d3e-0000-0000-0000-000000000000" },
        },
    };

    private async Task<List<string>> FactVersionsAsync() =>
        [.. (await _hub.Storage.QueryFactsAsync<Azure.Data.Tables.TableEntity>().ToListAsync()).Select(f => $"{f.RowKey}@{f.ETag}").Order(StringComparer.Ordinal)];
}
