using System.Globalization;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Exchange;

/// <summary>
/// The <c>events</c> table: a batch's events staged under the batch while it runs, then published, when it completes,
/// into one feed in which every event has a sequence number (the staged packs then deleted, the batch's marker kept).
/// Both hold events in packs (<see cref="ChangeEventPackEntity"/>), many to an entity. The feed is partitioned in
/// blocks of <see cref="BlockSize"/> sequences (<c>f{block}</c>), each of slots of <see cref="SlotSize"/>; a feed row
/// holds consecutive sequences of one slot and is keyed by its first (<c>{sequence}</c>), so a read from any cursor is
/// a row-key range of one partition from the cursor's slot, and retention drops whole blocks.
/// </summary>
/// <remarks>
/// Publishing appends at the feed's tail with insert-only transactions whose first row starts at the tail: two
/// publishers that found the same tail write the same first row key, and the later one's transaction fails (409); it
/// looks for the tail again and writes after it. The rows therefore cover the sequences from the first retained on
/// without gap or overlap, and a sequence is written only after every earlier one, so a reader that has read up to a
/// sequence never misses an event published later. The tail hint kept in the head partition is written after the
/// events and may lag, never lead; the tail is looked for from the later of it and the first retained sequence.
/// </remarks>
internal sealed partial class ChangeEventLog(HubStorage storage, KeyRing keys, ILogger<ChangeEventLog> logger)
{
    // The values an event carries (a grade before and after, a date) are sealed in the pack, bound to the event.
    private readonly DerivedSeal _values = new(keys, "event-values");

    /// <summary>Sequences per feed partition.</summary>
    public const long BlockSize = 1000;

    /// <summary>
    /// The most sequences one feed row holds: a row never crosses a multiple of it, so the row holding a cursor starts
    /// in the cursor's slot, and a read reads at most this many sequences before its cursor.
    /// </summary>
    public const long SlotSize = 50;

    private const int TransactionLimit = 100;

    private const string HeadPartition = "head";
    private const string NextRow = "next";
    private const string RetainedRow = "retained";
    private const string PublishedRow = "~published";

    private EntityTable Table => storage.EventsTable;

    /// <summary>The staging partition of a batch.</summary>
    public static string StagePartition(string batchId) => "s|" + batchId;

    /// <summary>The feed partition holding <paramref name="sequence"/>.</summary>
    public static string BlockPartition(long sequence) => string.Create(CultureInfo.InvariantCulture, $"f{sequence / BlockSize:D12}");

    /// <summary>The row key of <paramref name="sequence"/>: fixed-width, so row-key order is sequence order.</summary>
    public static string SequenceRow(long sequence) => sequence.ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>
    /// Stages <paramref name="events"/> of a batch as packs keyed by a hash of their event ids, in id order, upserted in
    /// full transactions: a retry that derives the same events rewrites the same rows. Returns the transactions made.
    /// </summary>
    public async Task<int> StageAsync(string batchId, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partition = StagePartition(batchId);
        var packed = events.DistinctBy(e => e.Id, StringComparer.Ordinal).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => PackedChangeEvent.Of(e, _values)).Select(e => ((PackedChangeEvent?)e, ChangeEventPackEntity.Serialize(e)));
        var rows = ChangeEventPackEntity.Runs(packed, 0, long.MaxValue)
            .Select(run => ChangeEventPackEntity.Of(partition, ChangeEventPackEntity.StagedRow(run.Select(e => e.Event!)), run, sequence: null, publishedAt: null))
            .ToList();
        var transactions = 0;
        for (var written = 0; written < rows.Count; transactions++)
        {
            var chunk = ChangeEventPackEntity.Transaction(rows.Skip(written));
            var result = await Table.SubmitAsync(chunk.Select(r => EntityChange.Upsert(r)), cancellationToken).ConfigureAwait(false);
            result.ThrowIfNotWritten();
            written += chunk.Count;
        }

        return transactions;
    }

    /// <summary>
    /// Publishes a completed batch's staged events at the feed's tail, once: a batch published before (its marker
    /// written) publishes nothing again. Returns how many events it published.
    /// </summary>
    public async Task<int> PublishAsync(string batchId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = StagePartition(batchId);
        var staged = new List<ChangeEventEntity>();
        await foreach (var row in Table.QueryAsync<ChangeEventEntity>(TableFilter.Of($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
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

        var next = await TailAsync(cancellationToken).ConfigureAwait(false);
        long? first = null;
        var written = 0;
        while (written < events.Count)
        {
            var rows = FeedRows(events.Skip(written), next, now);
            var result = await Table.SubmitAsync(rows.Select(EntityChange.Add), cancellationToken).ConfigureAwait(false);
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
            next = await TailAsync(next, cancellationToken).ConfigureAwait(false);
        }

        await Table.UpsertAsync(new FeedMarkEntity { PartitionKey = HeadPartition, RowKey = NextRow, Position = next, At = now }, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await Table.UpsertAsync(new FeedMarkEntity { PartitionKey = partition, RowKey = PublishedRow, Position = first ?? next, Count = events.Count, At = now }, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        // The staged packs go once the marker says the batch is published (a retry finds the marker and stops). Packs a
        // stop in between leaves are pruned with their batch's staging partition.
        await Table.DeleteRowsAsync(staged, cancellationToken).ConfigureAwait(false);
        LogPublished(logger, batchId, events.Count, first ?? next);
        return events.Count;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> sequences from <paramref name="from"/> on, within one partition (a read stops at
    /// its block's end): the events among them, how many sequences were read and the last one, so a reader moves past
    /// sequences that hold no event any more (an erased person's). One query, two when the rows hold few events each.
    /// </summary>
    public async Task<ChangeEventRange> ReadAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        var room = (int)Math.Min(limit, ((from / BlockSize) + 1) * BlockSize - from);
        var slot = from / SlotSize * SlotSize;
        var filter = TableFilter.Of($"PartitionKey eq {BlockPartition(from)} and RowKey ge {SequenceRow(slot)}");

        // Enough rows for the range when they are half full (a row also ends where its text is full, often before its
        // slot does); if they hold fewer, the next page asks for as many as could be needed.
        var pageSize = (int)Math.Min(1000, (2 * ((from - slot + room) / SlotSize)) + 3);
        var events = new List<ChangeEvent>();
        var read = 0;
        long? last = null;
        string? continuation = null;
        do
        {
            var page = await Table.QueryPageAsync<ChangeEventEntity>(filter, continuation, pageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Items)
            {
                var start = First(row);
                var entries = row.Entries();
                for (var i = 0; i < entries.Count && read < room; i++)
                {
                    if (start + i < from)
                    {
                        continue;
                    }

                    read++;
                    last = start + i;
                    if (entries[i]?.ToEvent(_values, start + i, row.PublishedAt) is { } change)
                    {
                        events.Add(change);
                    }
                }
            }

            continuation = page.ContinuationToken;
            pageSize = Math.Min(1000, room - read);
        }
        while (read < room && continuation is not null);

        return new ChangeEventRange(events, read, last);
    }

    /// <summary>
    /// Removes every event of <paramref name="persons"/>: a staged one is taken out of its pack, a published one emptied
    /// in its place, a blank that readers step over (a freed sequence would be written again after a reader had passed
    /// it). Returns how many events went.
    /// </summary>
    public Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default) =>
        new ChangeEventEraser(Table).EraseAsync(persons, cancellationToken);

    /// <summary>The first sequence still retained: a cursor before it asks for pruned events.</summary>
    public async Task<long> FirstRetainedAsync(CancellationToken cancellationToken = default) =>
        (await Table.GetAsync<FeedMarkEntity>(HeadPartition, RetainedRow, cancellationToken).ConfigureAwait(false))?.Position ?? 0;

    /// <summary>The next sequence to be written: where a new subscription starts.</summary>
    public async Task<long> TailAsync(CancellationToken cancellationToken = default)
    {
        // The hint may lag behind a pruning (a publisher that stopped before writing it); the blocks from the retained
        // mark on are whole, so the tail is looked for from there at the earliest.
        var hint = await Table.GetAsync<FeedMarkEntity>(HeadPartition, NextRow, cancellationToken).ConfigureAwait(false);
        var retained = await FirstRetainedAsync(cancellationToken).ConfigureAwait(false);
        return await TailAsync(Math.Max(hint?.Position ?? 0, retained), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the feed's blocks whose last event was published before <paramref name="cutoff"/> (the retained mark
    /// moves first, so a reader never reads a block half gone), and the staging rows of batches older than it.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var retained = await FirstRetainedAsync(cancellationToken).ConfigureAwait(false);
        var tail = await TailAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        for (var block = retained / BlockSize; (block + 1) * BlockSize <= tail; block++)
        {
            // The block's last row, in its last slot, was its last published.
            var lastSlot = TableFilter.Of($"PartitionKey eq {BlockPartition(block * BlockSize)} and RowKey ge {SequenceRow(((block + 1) * BlockSize) - SlotSize)}");
            var last = await Table.QueryAsync<ChangeEventEntity>(lastSlot, select: ["PartitionKey", "RowKey", nameof(ChangeEventEntity.PublishedAt)], cancellationToken: cancellationToken).LastOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (last?.PublishedAt is not { } published || published >= cutoff)
            {
                break;
            }

            await Table.UpsertAsync(new FeedMarkEntity { PartitionKey = HeadPartition, RowKey = RetainedRow, Position = (block + 1) * BlockSize, At = cutoff }, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            removed += await DeleteAsync(TableFilter.Of($"PartitionKey eq {BlockPartition(block * BlockSize)}"), cancellationToken).ConfigureAwait(false);
        }

        removed += await DeleteAsync(TableFilter.Of($"PartitionKey ge {"s|"} and PartitionKey lt {"s}"} and Timestamp lt {cutoff}"), cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed, cutoff);
        return removed;
    }

    private async Task<int> DeleteAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = await Table.QueryAsync<BareRow>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await Table.DeleteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    // The first free sequence at or after from, a sequence the feed has reached: the rows of from's slot and after it
    // in its block say how far the feed has grown (the last one's end), block after block while each ends full.
    private async Task<long> TailAsync(long from, CancellationToken cancellationToken)
    {
        while (true)
        {
            var filter = TableFilter.Of($"PartitionKey eq {BlockPartition(from)} and RowKey ge {SequenceRow(from / SlotSize * SlotSize)}");
            long? end = null;
            await foreach (var row in Table.QueryAsync<ChangeEventEntity>(filter, select: ["PartitionKey", "RowKey", nameof(ChangeEventEntity.Count)], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                end = First(row) + row.Size();
            }

            if (end is null)
            {
                return from;
            }

            from = end.Value;
            if (from % BlockSize != 0)
            {
                return from;
            }
        }
    }

    // The rows of one transaction publishing events from next on: within next's block, each within a slot.
    private static List<ChangeEventPackEntity> FeedRows(IEnumerable<(PackedChangeEvent? Event, string Json)> events, long next, DateTimeOffset now)
    {
        var blockEnd = ((next / BlockSize) + 1) * BlockSize;
        var rows = new List<ChangeEventPackEntity>();
        var length = 0L;
        var sequence = next;
        foreach (var run in ChangeEventPackEntity.Runs(events, next, SlotSize))
        {
            if (sequence >= blockEnd || rows.Count == TransactionLimit || (rows.Count > 0 && length + run.Sum(e => e.Json.Length) > ChangeEventPackEntity.TransactionLength))
            {
                break;
            }

            var row = ChangeEventPackEntity.Of(BlockPartition(sequence), SequenceRow(sequence), run, sequence, now);
            rows.Add(row);
            length += row.Events.Length;
            sequence += run.Count;
        }

        return rows;
    }

    // A feed row's first sequence: its key.
    private static long First(ChangeEventEntity row) => long.Parse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Batch {BatchId}: published {Count} change events from sequence {First}")]
    private static partial void LogPublished(ILogger logger, string batchId, int count, long first);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Batch {BatchId}: the change feed grew past {Sequence} under the publisher; writing after its new tail")]
    private static partial void LogTailMoved(ILogger logger, string batchId, long sequence);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Pruned {Count} change event rows published or staged before {Cutoff}")]
    private static partial void LogPruned(ILogger logger, int count, DateTimeOffset cutoff);
}
