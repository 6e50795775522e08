using System.Text.Json;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Processing;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Rotation;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Every queue-triggered function of the Hub, in one list: the handler endpoints, the local trigger runner and the
/// generated <c>function.json</c> files are all made from it, so they cannot drift apart.
/// </summary>
internal static partial class QueueFunctions
{
    public static readonly QueueFunction ProcessFeedBatch = new(
        "ProcessFeedBatch",
        QueueNames.FeedBatches,
        ProcessOrHoldAsync);

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

    /// <summary>
    /// Processes a batch, or, while a pepper rotation runs, holds it: its records would be keyed with the new pepper
    /// beside persons not moved yet. A held batch's message is sent again, to be seen after the hold, so it is taken
    /// when the rotation is done and nothing is lost.
    /// </summary>
    private static async Task ProcessOrHoldAsync(IServiceProvider services, string body, CancellationToken cancellationToken)
    {
        var message = ReadMessage(body);
        if (await services.GetRequiredService<PersonKeyRotation>().IsRunningAsync(cancellationToken))
        {
            var hold = services.GetRequiredService<IOptions<PersonKeyOptions>>().Value.RotationHold;
            await services.GetRequiredService<HubStorage>().FeedBatches.SendAsync(body, hold, cancellationToken);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QueueFunctions));
            LogHeld(logger, message.BatchId, hold);
            return;
        }

        await services.GetRequiredService<FeedProcessor>().ProcessAsync(message, cancellationToken);
    }

    [LoggerMessage(EventId = 2904, Level = LogLevel.Information, Message = "Batch {BatchId} held for {Hold} while a person key rotation runs")]
    private static partial void LogHeld(ILogger logger, string batchId, TimeSpan hold);

    private static FeedBatchMessage ReadMessage(string body) =>
        JsonSerializer.Deserialize<FeedBatchMessage>(body, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The queue message is empty.");
}
