using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>Reads the chain's partitions, heads and checkpoints as stored, for checkpointing and verification.</summary>
internal sealed class AuditChainReader(HubStorage storage)
{
    public static JsonSerializerOptions CheckpointJson { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<AuditChainHeadEntity?> ReadHeadAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await storage.Audit.GetEntityIfExistsAsync<AuditChainHeadEntity>(partition, AuditPartitions.HeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The latest day partition, following <c>Next</c> from the pointer; null before the first event.</summary>
    public async Task<string?> ReadLatestPartitionAsync(CancellationToken cancellationToken)
    {
        var pointer = await storage.Audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.PointerPartition, AuditPartitions.PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        var partition = pointer.HasValue ? pointer.Value!.GetString("Partition") : null;
        while (partition is not null && await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false) is { Next.Length: > 0 } head)
        {
            partition = head.Next;
        }

        return partition;
    }

    /// <summary>The chain's first day partition, walking back from the pointer; null before the first event.</summary>
    public async Task<string?> ReadFirstPartitionAsync(CancellationToken cancellationToken)
    {
        var pointer = await storage.Audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.PointerPartition, AuditPartitions.PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue)
        {
            return null;
        }

        // A day that was opened but holds no event yet has no head: the pointer names the day before it.
        var (partition, previous) = (pointer.Value!.GetString("Partition"), pointer.Value.GetString("Previous") ?? string.Empty);
        while (true)
        {
            var before = (await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false))?.Previous ?? previous;
            if (before.Length == 0)
            {
                return partition;
            }

            (partition, previous) = (before, string.Empty);
        }
    }

    /// <summary>
    /// The chain's events after <paramref name="after"/> (from the first event when null), one day partition at a
    /// time in sequence order, up to the last event written.
    /// </summary>
    public async IAsyncEnumerable<(string Partition, List<AuditEventEntity> Events)> ReadAfterAsync(ChainCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (partition, sequence) = after is { Partition.Length: > 0 }
            ? (after.Partition, after.Sequence)
            : (await ReadFirstPartitionAsync(cancellationToken).ConfigureAwait(false), 0L);
        while (partition is not null)
        {
            // The head before the events: once it names the next day no writer adds to this one, so the events read
            // next are all of them, and none is skipped when the walk moves on.
            var head = await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false);
            yield return (partition, await ReadEventsAsync(partition, sequence, cancellationToken).ConfigureAwait(false));
            (partition, sequence) = (head is { Next.Length: > 0 } ? head.Next : null, 0L);
        }
    }

    /// <summary>A partition's event rows in row-key order, after <paramref name="afterSequence"/>.</summary>
    public async Task<List<AuditEventEntity>> ReadEventsAsync(string partition, long afterSequence, CancellationToken cancellationToken)
    {
        var after = afterSequence <= 0 ? string.Empty : AuditPartitions.EventRow(afterSequence);
        var events = new List<AuditEventEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {AuditPartitions.EventRowsEnd}");
        await foreach (var entity in storage.Audit.QueryAsync<AuditEventEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(entity);
        }

        return events;
    }

    /// <summary>
    /// A partition's event rows in row-key order from after <paramref name="afterSequence"/> through
    /// <paramref name="throughSequence"/>, as they are read: one range of one partition, never all held at once.
    /// </summary>
    public async IAsyncEnumerable<AuditEventEntity> QueryEventsAsync(string partition, long afterSequence, long throughSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterSequence <= 0 ? string.Empty : AuditPartitions.EventRow(afterSequence);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey le {AuditPartitions.EventRow(throughSequence)}");
        await foreach (var entity in storage.Audit.QueryAsync<AuditEventEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    /// <summary>The heads of the day partitions from <paramref name="from"/> to <paramref name="to"/>, in day order.</summary>
    public async Task<List<AuditChainHeadEntity>> ReadHeadsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var heads = new List<AuditChainHeadEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {AuditPartitions.ForDay(from)} and PartitionKey le {AuditPartitions.ForDay(to)} and RowKey eq {AuditPartitions.HeadRow}");
        await foreach (var head in storage.Audit.QueryAsync<AuditChainHeadEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            heads.Add(head);
        }

        return heads;
    }

    /// <summary>The checkpoints written for a day partition, in sequence order.</summary>
    public async Task<List<(string Name, AuditCheckpoint Checkpoint)>> ReadCheckpointsAsync(string partition, CancellationToken cancellationToken)
    {
        var checkpoints = new List<(string, AuditCheckpoint)>();
        await foreach (var blob in storage.AuditCheckpoints.GetBlobsAsync(BlobTraits.None, BlobStates.None, partition + "/", cancellationToken).ConfigureAwait(false))
        {
            var content = await storage.AuditCheckpoints.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var checkpoint = content.Value.Content.ToObjectFromJson<AuditCheckpoint>(CheckpointJson)
                ?? throw new InvalidDataException($"Audit checkpoint {blob.Name} is empty.");
            checkpoints.Add((blob.Name, checkpoint));
        }

        return checkpoints;
    }

    /// <summary>One checkpoint by its blob name; null when there is none of that name.</summary>
    public async Task<AuditCheckpoint?> ReadCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.AuditCheckpoints.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<AuditCheckpoint>(CheckpointJson)
                ?? throw new InvalidDataException($"Audit checkpoint {name} is empty.");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The name of the last checkpoint of a day partition, without downloading any; null when none.</summary>
    public async Task<string?> LastCheckpointNameAsync(string partition, CancellationToken cancellationToken)
    {
        string? last = null;
        await foreach (var blob in storage.AuditCheckpoints.GetBlobsAsync(BlobTraits.None, BlobStates.None, partition + "/", cancellationToken).ConfigureAwait(false))
        {
            last = blob.Name;
        }

        return last;
    }
}
