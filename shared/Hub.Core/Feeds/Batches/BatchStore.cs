using Hub.Core.Storage;

namespace Hub.Core.Feeds.Batches;

/// <summary>Reads and writes feed batches and the content index that makes a repeated push a no-op.</summary>
public sealed class BatchStore(HubStorage storage)
{
    private const string ContentPartitionPrefix = "content|";

    /// <summary>Stores a new batch.</summary>
    public async Task CreateAsync(FeedBatch batch, CancellationToken cancellationToken = default)
    {
        var added = await storage.BatchesTable.AddAsync(BatchEntity.From(batch), cancellationToken).ConfigureAwait(false);
        if (!added.IsWritten)
        {
            // Batch ids are made unique when they are made; a second batch under one id is a fault, not a repeat.
            throw new InvalidOperationException($"Batch {batch.Id} of {batch.Source} already exists.");
        }
    }

    /// <summary>Replaces a batch's stored state.</summary>
    public async Task SaveAsync(FeedBatch batch, CancellationToken cancellationToken = default) =>
        await storage.BatchesTable.UpsertAsync(BatchEntity.From(batch), EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Finds a batch of a source; null when there is none.</summary>
    public async Task<FeedBatch?> GetAsync(string source, string batchId, CancellationToken cancellationToken = default)
    {
        var entity = await storage.BatchesTable.GetAsync<BatchEntity>(source, batchId, cancellationToken).ConfigureAwait(false);
        return entity?.ToBatch();
    }

    /// <summary>The most recent batches of a source, newest first.</summary>
    public async Task<IReadOnlyList<FeedBatch>> ListAsync(string source, int top, CancellationToken cancellationToken = default)
    {
        // Batch ids sort by time, and a source has a modest number of batches, so newest-first is a sort in memory.
        var batches = new List<FeedBatch>();
        await foreach (var entity in storage.BatchesTable.QueryAsync<BatchEntity>(TableFilter.Of($"PartitionKey eq {source}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            batches.Add(entity.ToBatch());
        }

        return batches.OrderByDescending(b => b.Id, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>
    /// How many records the source's completed batches inserted: about what the Hub holds of the source (more, once
    /// records are erased), read with one query of the source's batches.
    /// </summary>
    public async Task<long> InsertedAsync(string source, CancellationToken cancellationToken = default)
    {
        long inserted = 0;
        var completed = BatchStatus.Completed.ToString();
        await foreach (var entity in storage.BatchesTable.QueryAsync<BatchEntity>(TableFilter.Of($"PartitionKey eq {source} and Status eq {completed}"), select: [nameof(BatchEntity.Inserted)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            inserted += entity.Inserted;
        }

        return inserted;
    }

    /// <summary>
    /// Records that <paramref name="batchId"/> carries this payload. Returns the id of the batch that claimed the
    /// same payload first, or null when this batch is the first. <paramref name="contentKey"/> names the payload: how it
    /// is read and its hash (see <see cref="Reading.FeedContentType.ReadingKey"/>).
    /// </summary>
    public async Task<string?> ClaimContentAsync(string source, FeedMode mode, string contentKey, string batchId, CancellationToken cancellationToken = default)
    {
        var claim = new ContentClaimEntity { PartitionKey = ContentPartitionPrefix + source, RowKey = $"{mode}-{contentKey}", BatchId = batchId };
        var added = await storage.BatchesTable.AddAsync(claim, cancellationToken).ConfigureAwait(false);
        if (added.IsWritten)
        {
            return null;
        }

        var existing = await storage.BatchesTable.GetAsync<ContentClaimEntity>(claim.PartitionKey, claim.RowKey, cancellationToken).ConfigureAwait(false);
        return existing?.BatchId;
    }
}
