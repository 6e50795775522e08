using System.Runtime.CompilerServices;
using System.Text.Json;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>Reads the chain's partitions, heads and checkpoints as stored, for checkpointing and verification.</summary>
internal sealed class AuditChainReader(HubStorage storage)
{
    public static JsonSerializerOptions CheckpointJson { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Task<AuditChainHeadEntity?> ReadHeadAsync(string partition, CancellationToken cancellationToken) =>
        storage.AuditTable.GetAsync<AuditChainHeadEntity>(partition, AuditPartitions.HeadRow, cancellationToken);

    /// <summary>The latest day partition, following <c>Next</c> from the pointer; null before the first event.</summary>
    public async Task<string?> ReadLatestPartitionAsync(CancellationToken cancellationToken)
    {
        var partition = (await ReadPointerAsync(cancellationToken).ConfigureAwait(false))?.Partition;
        while (partition is not null && await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false) is { Next.Length: > 0 } head)
        {
            partition = head.Next;
        }

        return partition;
    }

    /// <summary>The chain's first day partition, walking back from the pointer; null before the first event.</summary>
    public async Task<string?> ReadFirstPartitionAsync(CancellationToken cancellationToken)
    {
        if (await ReadPointerAsync(cancellationToken).ConfigureAwait(false) is not { } pointer)
        {
            return null;
        }

        // A day that was opened but holds no event yet has no head: the pointer names the day before it.
        var (partition, previous) = (pointer.Partition, pointer.Previous);
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
        var filter = TableFilter.Of($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {AuditPartitions.EventRowsEnd}");
        await foreach (var entity in storage.AuditTable.QueryAsync<AuditEventEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
        var filter = TableFilter.Of($"PartitionKey eq {partition} and RowKey gt {after} and RowKey le {AuditPartitions.EventRow(throughSequence)}");
        await foreach (var entity in storage.AuditTable.QueryAsync<AuditEventEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    /// <summary>The heads of the day partitions from <paramref name="from"/> to <paramref name="to"/>, in day order.</summary>
    public async Task<List<AuditChainHeadEntity>> ReadHeadsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var heads = new List<AuditChainHeadEntity>();
        var filter = TableFilter.Of($"PartitionKey ge {AuditPartitions.ForDay(from)} and PartitionKey le {AuditPartitions.ForDay(to)} and RowKey eq {AuditPartitions.HeadRow}");
        await foreach (var head in storage.AuditTable.QueryAsync<AuditChainHeadEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            heads.Add(head);
        }

        return heads;
    }

    /// <summary>The checkpoints written for a day partition, in sequence order.</summary>
    public async Task<List<(string Name, AuditCheckpoint Checkpoint)>> ReadCheckpointsAsync(string partition, CancellationToken cancellationToken)
    {
        var checkpoints = new List<(string, AuditCheckpoint)>();
        await foreach (var name in storage.AuditCheckpointsFolder.ListAsync(partition + "/", cancellationToken).ConfigureAwait(false))
        {
            var content = await storage.AuditCheckpointsFolder.DownloadAsync(name, cancellationToken).ConfigureAwait(false);
            checkpoints.Add((name, Parse(name, content)));
        }

        return checkpoints;
    }

    /// <summary>One checkpoint by its blob name; null when there is none of that name.</summary>
    public async Task<AuditCheckpoint?> ReadCheckpointAsync(string name, CancellationToken cancellationToken) =>
        await storage.AuditCheckpointsFolder.DownloadAsync(name, cancellationToken).ConfigureAwait(false) is { } content ? Parse(name, content) : null;

    /// <summary>The name of the last checkpoint of a day partition, without downloading any; null when none.</summary>
    public async Task<string?> LastCheckpointNameAsync(string partition, CancellationToken cancellationToken)
    {
        string? last = null;
        await foreach (var name in storage.AuditCheckpointsFolder.ListAsync(partition + "/", cancellationToken).ConfigureAwait(false))
        {
            last = name;
        }

        return last;
    }

    private Task<AuditChainPointerEntity?> ReadPointerAsync(CancellationToken cancellationToken) =>
        storage.AuditTable.GetAsync<AuditChainPointerEntity>(AuditPartitions.PointerPartition, AuditPartitions.PointerRow, cancellationToken);

    // Checkpoints are written once and never removed, so a listed one that cannot be read is as wrong as an empty one.
    private static AuditCheckpoint Parse(string name, BinaryData? content) =>
        content?.ToObjectFromJson<AuditCheckpoint>(CheckpointJson) ?? throw new InvalidDataException($"Audit checkpoint {name} is empty.");
}
