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
/// Staging and publishing are the <see cref="ChangeEventPublisher"/>'s, erasure the <see cref="ChangeEventEraser"/>'s;
/// this class keeps the table's layout, the head partition's marks, reading from a cursor and retention. The tail hint
/// kept in the head partition is written after the events and may lag, never lead; the tail is looked for from the
/// later of it and the first retained sequence.
/// </remarks>
internal sealed partial class ChangeEventLog
{
    /// <summary>Sequences per feed partition.</summary>
    public const long BlockSize = 1000;

    /// <summary>
    /// The most sequences one feed row holds: a row never crosses a multiple of it, so the row holding a cursor starts
    /// in the cursor's slot, and a read reads at most this many sequences before its cursor.
    /// </summary>
    public const long SlotSize = 50;

    private const string HeadPartition = "head";
    private const string NextRow = "next";
    private const string RetainedRow = "retained";

    private readonly HubStorage _storage;
    private readonly ILogger<ChangeEventLog> _logger;

    // The values an event carries (a grade before and after, a date) are sealed in the pack, bound to the event.
    private readonly DerivedSeal _values;
    private readonly ChangeEventPublisher _publisher;

    /// <summary>The log over the Hub's <c>events</c> table, its event values sealed under <paramref name="keys"/>.</summary>
    public ChangeEventLog(HubStorage storage, KeyRing keys, ILogger<ChangeEventLog> logger)
    {
        _storage = storage;
        _logger = logger;
        _values = new DerivedSeal(keys, "event-values");
        _publisher = new ChangeEventPublisher(this, storage.EventsTable, _values, logger);
    }

    private EntityTable Table => _storage.EventsTable;

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
    public Task<int> StageAsync(string batchId, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default) =>
        _publisher.StageAsync(batchId, events, cancellationToken);

    /// <summary>
    /// Publishes a completed batch's staged events at the feed's tail, once: a batch published before (its marker
    /// written) publishes nothing again. Returns how many events it published.
    /// </summary>
    public Task<int> PublishAsync(string batchId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _publisher.PublishAsync(batchId, now, cancellationToken);

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

    /// <summary>Writes the tail hint, after the events up to <paramref name="next"/> are written.</summary>
    internal Task MarkTailAsync(long next, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new FeedMarkEntity { PartitionKey = HeadPartition, RowKey = NextRow, Position = next, At = now }, EntityUpdateMode.Replace, cancellationToken);

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
        LogPruned(_logger, removed, cutoff);
        return removed;
    }

    private async Task<int> DeleteAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = await Table.QueryAsync<BareRow>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await Table.DeleteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first free sequence at or after <paramref name="from"/>, a sequence the feed has reached: the rows of its slot
    /// and after it in its block say how far the feed has grown (the last one's end), block after block while each ends
    /// full.
    /// </summary>
    internal async Task<long> TailAsync(long from, CancellationToken cancellationToken)
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

    // A feed row's first sequence: its key.
    private static long First(ChangeEventEntity row) => long.Parse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Pruned {Count} change event rows published or staged before {Cutoff}")]
    private static partial void LogPruned(ILogger logger, int count, DateTimeOffset cutoff);
}
