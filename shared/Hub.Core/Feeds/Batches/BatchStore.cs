using Azure;
using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Batches;

/// <summary>Reads and writes feed batches and the content index that makes a repeated push a no-op.</summary>
public sealed class BatchStore(HubStorage storage)
{
    private const string ContentPartitionPrefix = "content|";

    /// <summary>Stores a new batch.</summary>
    public async Task CreateAsync(FeedBatch batch, CancellationToken cancellationToken = default) =>
        await storage.Batches.AddEntityAsync(BatchEntity.From(batch), cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces a batch's stored state.</summary>
    public async Task SaveAsync(FeedBatch batch, CancellationToken cancellationToken = default) =>
        await storage.Batches.UpsertEntityAsync(BatchEntity.From(batch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Finds a batch of a source; null when there is none.</summary>
    public async Task<FeedBatch?> GetAsync(string source, string batchId, CancellationToken cancellationToken = default)
    {
        var response = await storage.Batches.GetEntityIfExistsAsync<BatchEntity>(source, batchId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToBatch() : null;
    }

    /// <summary>The most recent batches of a source, newest first.</summary>
    public async Task<IReadOnlyList<FeedBatch>> ListAsync(string source, int top, CancellationToken cancellationToken = default)
    {
        // Batch ids sort by time, and a source has a modest number of batches, so newest-first is a sort in memory.
        var batches = new List<FeedBatch>();
        await foreach (var entity in storage.Batches.QueryAsync<BatchEntity>(e => e.PartitionKey == source, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            batches.Add(entity.ToBatch());
        }

        return batches.OrderByDescending(b => b.Id, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>
    /// Records that <paramref name="batchId"/> carries this payload. Returns the id of the batch that claimed the
    /// same payload first, or null when this batch is the first. <paramref name="contentKey"/> names the payload: how it
    /// is read and its hash (see <see cref="Reading.FeedContentType.ReadingKey"/>).
    /// </summary>
    public async Task<string?> ClaimContentAsync(string source, FeedMode mode, string contentKey, string batchId, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(ContentPartitionPrefix + source, $"{mode}-{contentKey}") { ["BatchId"] = batchId };
        try
        {
            await storage.Batches.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await storage.Batches.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["BatchId"], cancellationToken).ConfigureAwait(false);
            return existing.Value.GetString("BatchId");
        }
    }
}
