using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>
/// Writes checkpoints (Merkle roots, RFC 9162) over the events recorded since the last checkpoint, at most
/// <see cref="AuditOptions.CheckpointEvery"/> events and one day partition each. A timer calls it; running it twice
/// at once is harmless, as a checkpoint blob is only ever created, never replaced.
/// </summary>
public sealed partial class AuditCheckpointWriter(HubStorage storage, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditCheckpointWriter> logger)
{
    private readonly AuditChainReader _reader = new(storage);

    /// <summary>Checkpoints every event recorded so far that no checkpoint covers; returns the checkpoints written.</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> WriteUpToNowAsync(CancellationToken cancellationToken = default)
    {
        var written = new List<AuditCheckpoint>();
        var (partitions, after) = await FindUncheckpointedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in partitions)
        {
            var events = await _reader.ReadEventsAsync(partition, after, cancellationToken).ConfigureAwait(false);
            after = 0;
            foreach (var range in events.Chunk(options.Value.CheckpointEvery))
            {
                var checkpoint = Compute(partition, range.Select(e => e.ToRecord()).ToList(), time.GetUtcNow());
                if (await TryWriteAsync(checkpoint, cancellationToken).ConfigureAwait(false))
                {
                    written.Add(checkpoint);
                    LogCheckpointWritten(logger, checkpoint.Partition, checkpoint.FirstSequence, checkpoint.LastSequence);
                }
            }
        }

        return written;
    }

    /// <summary>The checkpoint of a range of stored events.</summary>
    internal static AuditCheckpoint Compute(string partition, IReadOnlyList<AuditRecord> range, DateTimeOffset writtenAt) => new(
        partition,
        range[0].Sequence,
        range[^1].Sequence,
        range.Count,
        RootHash(range),
        range[0].PreviousHash,
        range[^1].Hash,
        range[0].Time,
        range[^1].Time,
        writtenAt);

    internal static string RootHash(IEnumerable<AuditRecord> range) =>
        Convert.ToHexStringLower(MerkleTreeHash.Root(range.Select(r => MerkleTreeHash.LeafHash(AuditCanonicalForm.Serialise(r.Sequence, r.Time, r.Event))).ToList()));

    /// <summary>
    /// The day partitions holding uncheckpointed events, oldest first, and the last sequence already covered in
    /// the first of them: walks back from the latest day until a day with a checkpoint (usually today or yesterday).
    /// </summary>
    private async Task<(List<string> Partitions, long After)> FindUncheckpointedAsync(CancellationToken cancellationToken)
    {
        var partitions = new List<string>();
        var partition = await _reader.ReadLatestPartitionAsync(cancellationToken).ConfigureAwait(false);
        while (partition is not null)
        {
            partitions.Insert(0, partition);
            if (await _reader.LastCheckpointNameAsync(partition, cancellationToken).ConfigureAwait(false) is { } last)
            {
                // "{partition}/{first}-{last}.json"
                var lastSequence = long.Parse(last.AsSpan(last.LastIndexOf('-') + 1, 19), CultureInfo.InvariantCulture);
                return (partitions, lastSequence);
            }

            var head = await _reader.ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false);
            partition = head is { Previous.Length: > 0 } ? head.Previous : null;
        }

        return (partitions, 0);
    }

    private async Task<bool> TryWriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            await storage.AuditCheckpoints.GetBlobClient(checkpoint.BlobName).UploadAsync(
                BinaryData.FromObjectAsJson(checkpoint, AuditChainReader.CheckpointJson),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another instance checkpointed the same range first.
            return false;
        }
    }

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Audit checkpoint written for {Partition}: events {First}-{Last}")]
    private static partial void LogCheckpointWritten(ILogger logger, string partition, long first, long last);
}
