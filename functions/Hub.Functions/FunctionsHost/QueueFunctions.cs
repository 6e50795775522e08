using System.Text.Json;
using Hub.Core.Exchange;
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

    /// <summary>
    /// Pushes a subscription's pending change events to its endpoint (or fans a request out to every push
    /// subscription). An endpoint's failures never fail the message: they are retried through the delivery state
    /// and a delayed message. Only the Hub's own failures (storage, audit) make the host retry it.
    /// </summary>
    public static readonly QueueFunction DeliverChangeEvents = new(
        "DeliverChangeEvents",
        QueueNames.PushDeliveries,
        (services, body, cancellationToken) => services.GetRequiredService<PushDelivery>().HandleAsync(PushDeliveryMessage.Parse(body), cancellationToken));

    public static IReadOnlyList<QueueFunction> All { get; } = [ProcessFeedBatch, FeedBatchPoisoned, DeliverChangeEvents];

    private static FeedBatchMessage ReadMessage(string body) =>
        JsonSerializer.Deserialize<FeedBatchMessage>(body, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The queue message is empty.");
}
