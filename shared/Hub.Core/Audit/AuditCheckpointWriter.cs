using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>
/// Writes checkpoints (Merkle roots, RFC 9162) over the events recorded since the last checkpoint, at most
/// <see cref="AuditOptions.CheckpointEvery"/> events and one day partition each, each with the head of the day's tree
/// it ends in (see <see cref="AuditCheckpoint"/>). A timer calls it; running it twice at once is harmless, as a
/// checkpoint blob is only ever created, never replaced, and both compute the same one.
/// </summary>
public sealed partial class AuditCheckpointWriter(HubStorage storage, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditCheckpointWriter> logger)
{
    private readonly AuditChainReader _reader = new(storage);

    /// <summary>Checkpoints every event recorded so far that no checkpoint covers; returns the checkpoints written.</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> WriteUpToNowAsync(CancellationToken cancellationToken = default)
    {
        var written = new List<AuditCheckpoint>();
        var (partitions, last) = await FindUncheckpointedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in partitions)
        {
            var (tree, events) = await ReadDayAfterAsync(partition, last, cancellationToken).ConfigureAwait(false);
            last = null;
            foreach (var range in events.Chunk(options.Value.CheckpointEvery))
            {
                var records = range.Select(e => e.ToRecord()).ToList();
                foreach (var record in records)
                {
                    tree.Append(AuditCheckpoint.Leaf(record));
                }

                var checkpoint = Compute(partition, records, tree, time.GetUtcNow());
                if (await TryWriteAsync(checkpoint, cancellationToken).ConfigureAwait(false))
                {
                    written.Add(checkpoint);
                    LogCheckpointWritten(logger, checkpoint.Partition, checkpoint.FirstSequence, checkpoint.LastSequence);
                }
            }
        }

        return written;
    }

    /// <summary>The checkpoint of a range of stored events, with the head of the day's tree that ends in it.</summary>
    internal static AuditCheckpoint Compute(string partition, IReadOnlyList<AuditRecord> range, MerkleFrontier tree, DateTimeOffset writtenAt) => new(
        partition,
        range[0].Sequence,
        range[^1].Sequence,
        range.Count,
        RootHash(range),
        range[0].PreviousHash,
        range[^1].Hash,
        range[0].Time,
        range[^1].Time,
        writtenAt,
        tree.Size,
        tree.RootHex(),
        tree.NodesHex());

    internal static string RootHash(IEnumerable<AuditRecord> range) =>
        Convert.ToHexStringLower(MerkleTreeHash.Root(range.Select(AuditCheckpoint.Leaf).ToList()));

    /// <summary>
    /// The day partitions holding uncheckpointed events, oldest first, and the name of the last checkpoint already
    /// written in the first of them: walks back from the latest day until a day with a checkpoint (usually today or
    /// yesterday).
    /// </summary>
    private async Task<(List<string> Partitions, string? LastCheckpoint)> FindUncheckpointedAsync(CancellationToken cancellationToken)
    {
        var partitions = new List<string>();
        var partition = await _reader.ReadLatestPartitionAsync(cancellationToken).ConfigureAwait(false);
        while (partition is not null)
        {
            partitions.Insert(0, partition);
            if (await _reader.LastCheckpointNameAsync(partition, cancellationToken).ConfigureAwait(false) is { } last)
            {
                return (partitions, last);
            }

            var head = await _reader.ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false);
            partition = head is { Previous.Length: > 0 } ? head.Previous : null;
        }

        return (partitions, null);
    }

    /// <summary>
    /// The day's tree through its last checkpoint and the day's events after it. The tree comes from that
    /// checkpoint's frontier, so only the new events are read; a checkpoint written before tree heads (or none at
    /// all) has the tree rebuilt from the day's events, in the same one range read.
    /// </summary>
    private async Task<(MerkleFrontier Tree, List<AuditEventEntity> Events)> ReadDayAfterAsync(string partition, string? lastCheckpoint, CancellationToken cancellationToken)
    {
        var after = 0L;
        if (lastCheckpoint is not null && AuditCheckpoint.TryParseName(lastCheckpoint, out _, out _, out after)
            && await _reader.ReadCheckpointAsync(lastCheckpoint, cancellationToken).ConfigureAwait(false) is { TreeSize: { } size, TreeFrontier: { } nodes } last
            && MerkleFrontier.Restore(size, nodes) is { } restored && restored.RootHex() == last.TreeRoot)
        {
            return (restored, await _reader.ReadEventsAsync(partition, after, cancellationToken).ConfigureAwait(false));
        }

        var events = await _reader.ReadEventsAsync(partition, 0, cancellationToken).ConfigureAwait(false);
        var tree = new MerkleFrontier();
        foreach (var covered in events.TakeWhile(e => e.Sequence <= after))
        {
            tree.Append(AuditCheckpoint.Leaf(covered.ToRecord()));
        }

        return (tree, events.SkipWhile(e => e.Sequence <= after).ToList());
    }

    // False when another instance checkpointed the same range first: a checkpoint is only ever created, never replaced.
    private Task<bool> TryWriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken) =>
        storage.AuditCheckpointsFolder.CreateAsync(checkpoint.BlobName, BinaryData.FromObjectAsJson(checkpoint, AuditChainReader.CheckpointJson), "application/json", cancellationToken);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Audit checkpoint written for {Partition}: events {First}-{Last}")]
    private static partial void LogCheckpointWritten(ILogger logger, string partition, long first, long last);
}
