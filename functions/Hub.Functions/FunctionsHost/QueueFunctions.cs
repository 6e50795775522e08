using System.Text.Json;
using Hub.Core.Feeds.Processing;
using Hub.Core.Storage;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Every queue-triggered function of the Hub, in one list: the handler endpoints, the local trigger runner and the
/// generated <c>function.json</c> files are all made from it, so they cannot drift apart.
/// </summary>
internal static class QueueFunctions
{
    public static readonly QueueFunction ProcessFeedBatch = new(
        "ProcessFeedBatch",
        QueueNames.FeedBatches,
        (services, body, cancellationToken) => services.GetRequiredService<FeedProcessor>().ProcessAsync(ReadMessage(body), cancellationToken));

    public static readonly QueueFunction FeedBatchPoisoned = new(
        "FeedBatchPoisoned",
        QueueNames.FeedBatches + "-poison",
        (services, body, cancellationToken) => services.GetRequiredService<FeedProcessor>().MarkPoisonedAsync(ReadMessage(body), cancellationToken));

    public static IReadOnlyList<QueueFunction> All { get; } = [ProcessFeedBatch, FeedBatchPoisoned];

    private static FeedBatchMessage ReadMessage(string body) =>
        JsonSerializer.Deserialize<FeedBatchMessage>(body, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The queue message is empty.");
}
