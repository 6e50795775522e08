using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Facts;

/// <summary>
/// Merges a batch's records into one fact partition: one range query reads the source's current facts there,
/// the merge happens in memory, and the changes go back in 100-entity transactions guarded by ETags.
/// </summary>
internal sealed partial class FactStore(HubStorage storage, TimeProvider time, ILogger<FactStore> logger)
{
    private const int TransactionLimit = 100;
    private const int MaxConflictRetries = 5;

    /// <summary>
    /// Merges <paramref name="incoming"/> (all in <paramref name="partitionKey"/>), counts what happened and names the
    /// persons whose facts this batch changed (their profiles need building again).
    /// </summary>
    /// <remarks>
    /// Safe to repeat: a fact this batch already wrote (on an earlier, interrupted attempt) is recognised by its
    /// <see cref="FactEntity.LastBatch"/> and counted as what that attempt did, not written again.
    /// </remarks>
    public async Task<PartitionMerge> MergePartitionAsync(string partitionKey, string source, string batchId, IReadOnlyList<IncomingFact> incoming, bool snapshot, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MergeOnceAsync(partitionKey, source, batchId, incoming, snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another writer changed the partition between our read and our write: read again and re-merge.
                LogConflict(logger, partitionKey, batchId, attempt);
            }
        }
    }

    private async Task<PartitionMerge> MergeOnceAsync(string partitionKey, string source, string batchId, IReadOnlyList<IncomingFact> incoming, bool snapshot, CancellationToken cancellationToken)
    {
        // The whole partition, every source: the merge needs this source's facts, and the profiles of the persons it
        // changes need all of theirs, so one range read serves both.
        var partition = new List<FactEntity>();
        var existing = new Dictionary<string, FactEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var entity in storage.Facts.QueryAsync<FactEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            partition.Add(entity);
            if (entity.Source == source)
            {
                existing[entity.RowKey] = entity;
            }
        }

        var now = time.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        long inserted = 0, updated = 0, unchanged = 0, endDated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in incoming)
        {
            seen.Add(fact.RowKey);
            var (attributes, hash) = Serialise(fact.Attributes);
            if (!existing.TryGetValue(fact.RowKey, out var stored))
            {
                inserted++;
                changed.Add(fact.PersonKey);
                var added = new FactEntity
                {
                    PartitionKey = partitionKey,
                    RowKey = fact.RowKey,
                    PersonKey = fact.PersonKey,
                    Source = source,
                    Identified = fact.Identified,
                    Attributes = attributes,
                    ContentHash = hash,
                    FirstBatch = batchId,
                    LastBatch = batchId,
                    LastChange = FactChange.Inserted,
                    SourceRow = fact.Row,
                    FirstSeenAt = now,
                    UpdatedAt = now,
                };
                partition.Add(added);
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, added));
            }
            else if (stored.LastBatch == batchId)
            {
                Count(stored.LastChange, ref inserted, ref updated, ref endDated);
                changed.Add(stored.PersonKey);
            }
            else if (stored.ContentHash == hash && stored.EndedAt is null)
            {
                unchanged++;
            }
            else
            {
                updated++;
                changed.Add(stored.PersonKey);
                stored.Attributes = attributes;
                stored.ContentHash = hash;
                stored.LastBatch = batchId;
                stored.LastChange = FactChange.Updated;
                stored.SourceRow = fact.Row;
                stored.UpdatedAt = now;
                stored.EndedAt = null;
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, stored, stored.ETag));
            }
        }

        if (snapshot)
        {
            foreach (var stored in existing.Values.Where(e => !seen.Contains(e.RowKey)))
            {
                if (stored.LastBatch == batchId)
                {
                    Count(stored.LastChange, ref inserted, ref updated, ref endDated);
                    changed.Add(stored.PersonKey);
                }
                else if (stored.EndedAt is null)
                {
                    endDated++;
                    changed.Add(stored.PersonKey);
                    stored.EndedAt = now;
                    stored.LastBatch = batchId;
                    stored.LastChange = FactChange.Ended;
                    stored.UpdatedAt = now;
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, stored, stored.ETag));
                }
            }
        }

        foreach (var chunk in actions.Chunk(TransactionLimit))
        {
            await storage.Facts.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        var changedFacts = partition.Where(f => changed.Contains(f.PersonKey)).ToList();
        return new PartitionMerge(new BatchCounts { Inserted = inserted, Updated = updated, Unchanged = unchanged, EndDated = endDated }, changedFacts);
    }

    private static void Count(string change, ref long inserted, ref long updated, ref long endDated)
    {
        switch (change)
        {
            case FactChange.Inserted:
                inserted++;
                break;
            case FactChange.Ended:
                endDated++;
                break;
            default:
                updated++;
                break;
        }
    }

    private static (string Json, string Hash) Serialise(IReadOnlyDictionary<string, string> attributes)
    {
        // Sorted keys make the JSON canonical, so equal attributes always hash equal.
        var json = JsonSerializer.Serialize(new SortedDictionary<string, string>(attributes.ToDictionary(), StringComparer.Ordinal), StorageJson.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
        return (json, hash);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Fact partition {PartitionKey} changed under batch {BatchId}; merging again (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string partitionKey, string batchId, int attempt);
}
