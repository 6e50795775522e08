using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Exchange;

/// <summary>
/// Writes a batch's events into the <c>events</c> table (see <see cref="ChangeEventLog.StageAsync"/> and
/// <see cref="ChangeEventLog.PublishAsync"/>): staged under the batch while it runs, then published at the feed's tail.
/// </summary>
/// <remarks>
/// Publishing appends at the feed's tail with insert-only transactions whose first row starts at the tail: two
/// publishers that found the same tail write the same first row key, and the later one's transaction fails (409); it
/// looks for the tail again and writes after it. The rows therefore cover the sequences from the first retained on
/// without gap or overlap, and a sequence is written only after every earlier one, so a reader that has read up to a
/// sequence never misses an event published later.
/// </remarks>
internal sealed partial class ChangeEventPublisher(ChangeEventLog log, EntityTable table, DerivedSeal values, ILogger logger)
{
    private const int TransactionLimit = 100;

    // The row a published batch's staging partition keeps: publishing again finds it and stops.
    private const string PublishedRow = "~published";

    /// <summary>Stages a batch's events as packs; returns the transactions made.</summary>
    public async Task<int> StageAsync(string batchId, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partition = ChangeEventLog.StagePartition(batchId);
        var packed = events.DistinctBy(e => e.Id, StringComparer.Ordinal).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => PackedChangeEvent.Of(e, values)).Select(e => ((PackedChangeEvent?)e, ChangeEventPackEntity.Serialize(e)));
        var rows = ChangeEventPackEntity.Runs(packed, 0, long.MaxValue)
            .Select(run => ChangeEventPackEntity.Of(partition, ChangeEventPackEntity.StagedRow(run.Select(e => e.Event!)), run, sequence: null, publishedAt: null))
            .ToList();
        var transactions = 0;
        for (var written = 0; written < rows.Count; transactions++)
        {
            var chunk = ChangeEventPackEntity.Transaction(rows.Skip(written));
            var result = await table.SubmitAsync(chunk.Select(r => EntityChange.Upsert(r)), cancellationToken).ConfigureAwait(false);
            result.ThrowIfNotWritten();
            written += chunk.Count;
        }

        return transactions;
    }

    /// <summary>Publishes a completed batch's staged events at the feed's tail, once; returns how many it published.</summary>
    public async Task<int> PublishAsync(string batchId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = ChangeEventLog.StagePartition(batchId);
        var staged = new List<ChangeEventEntity>();
        await foreach (var row in table.QueryAsync<ChangeEventEntity>(TableFilter.Of($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == PublishedRow)
            {
                return 0;
            }

            staged.Add(row);
        }

        // A stable order within the batch: by person, then type, then id; an event staged twice (a group merged again) once.
        var events = staged.SelectMany(r => r.Entries()).OfType<PackedChangeEvent>()
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .OrderBy(e => e.PersonKey, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => ((PackedChangeEvent?)e, ChangeEventPackEntity.Serialize(e)))
            .ToList();
        if (events.Count == 0)
        {
            return 0;
        }

        var next = await log.TailAsync(cancellationToken).ConfigureAwait(false);
        long? first = null;
        var written = 0;
        while (written < events.Count)
        {
            var rows = FeedRows(events.Skip(written), next, now);
            var result = await table.SubmitAsync(rows.Select(EntityChange.Add), cancellationToken).ConfigureAwait(false);
            if (result.IsWritten)
            {
                first ??= next;
                var count = rows.Sum(r => r.Count);
                written += count;
                next += count;
                continue;
            }

            if (result.Outcome != WriteOutcome.AlreadyExists)
            {
                result.ThrowIfNotWritten();
            }

            LogTailMoved(logger, batchId, next);
            next = await log.TailAsync(next, cancellationToken).ConfigureAwait(false);
        }

        await log.MarkTailAsync(next, now, cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(new FeedMarkEntity { PartitionKey = partition, RowKey = PublishedRow, Position = first ?? next, Count = events.Count, At = now }, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        // The staged packs go once the marker says the batch is published (a retry finds the marker and stops). Packs a
        // stop in between leaves are pruned with their batch's staging partition.
        await table.DeleteRowsAsync(staged, cancellationToken).ConfigureAwait(false);
        LogPublished(logger, batchId, events.Count, first ?? next);
        return events.Count;
    }

    // The rows of one transaction publishing events from next on: within next's block, each within a slot.
    private static List<ChangeEventPackEntity> FeedRows(IEnumerable<(PackedChangeEvent? Event, string Json)> events, long next, DateTimeOffset now)
    {
        var blockEnd = ((next / ChangeEventLog.BlockSize) + 1) * ChangeEventLog.BlockSize;
        var rows = new List<ChangeEventPackEntity>();
        var length = 0L;
        var sequence = next;
        foreach (var run in ChangeEventPackEntity.Runs(events, next, ChangeEventLog.SlotSize))
        {
            if (sequence >= blockEnd || rows.Count == TransactionLimit || (rows.Count > 0 && length + run.Sum(e => e.Json.Length) > ChangeEventPackEntity.TransactionLength))
            {
                break;
            }

            var row = ChangeEventPackEntity.Of(ChangeEventLog.BlockPartition(sequence), ChangeEventLog.SequenceRow(sequence), run, sequence, now);
            rows.Add(row);
            length += row.Events.Length;
            sequence += run.Count;
        }

        return rows;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Batch {BatchId}: published {Count} change events from sequence {First}")]
    private static partial void LogPublished(ILogger logger, string batchId, int count, long first);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Batch {BatchId}: the change feed grew past {Sequence} under the publisher; writing after its new tail")]
    private static partial void LogTailMoved(ILogger logger, string batchId, long sequence);
}
