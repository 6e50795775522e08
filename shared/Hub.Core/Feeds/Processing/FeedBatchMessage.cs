using System.Text.Json;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Processing;

/// <summary>The queue message that asks for a batch to be processed.</summary>
/// <param name="Source">The source id.</param>
/// <param name="BatchId">The batch id.</param>
public sealed record FeedBatchMessage(string Source, string BatchId)
{
    /// <summary>Queues <paramref name="batch"/> to be processed.</summary>
    internal static async Task SendAsync(HubStorage storage, FeedBatch batch, CancellationToken cancellationToken) =>
        await storage.FeedBatches.SendAsync(JsonSerializer.Serialize(new FeedBatchMessage(batch.Source, batch.Id), JsonSerializerOptions.Web), cancellationToken).ConfigureAwait(false);
}
