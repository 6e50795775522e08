using System.Globalization;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Exchange;

/// <summary>
/// The <c>events</c> table: a batch's events staged under the batch while it runs, then published, when it completes,
/// into one feed in which every event has a sequence number. The feed is partitioned in blocks of
/// <see cref="BlockSize"/> sequences (<c>f{block}</c>, row <c>{sequence}</c>), so a read from any cursor is a
/// row-key range of one partition, and retention drops whole blocks.
/// </summary>
/// <remarks>
/// Publishing appends at the feed's tail with insert-only transactions: a publisher that finds a sequence taken (409)
/// looks for the tail again and writes after it. A sequence is therefore written only after every earlier one, so a
/// reader that has read up to a sequence never misses an event published later. The tail hint kept in the head
/// partition is written after the events and may lag, never lead.
/// </remarks>
internal sealed partial class ChangeEventLog(HubStorage storage, KeyRing keys, ILogger<ChangeEventLog> logger)
{
    // The values an event carries (a grade before and after, a date) are sealed in the row, bound to the event.
    private readonly DerivedSeal _values = new(keys, "event-values");

    /// <summary>Sequences per feed partition.</summary>
    public const long BlockSize = 1000;

    private const int TransactionLimit = 100;
    private const string HeadPartition = "head";
    private const string NextRow = "next";
    private const string RetainedRow = "retained";
    private const string PublishedRow = "~published";

    // The type of a blank left where an erased person's event was.
    private const string Erased = "erased";

    private EntityTable Table => storage.EventsTable;

    /// <summary>The staging partition of a batch.</summary>
    public static string StagePartition(string batchId) => "s|" + batchId;

    /// <summary>The feed partition holding <paramref name="sequence"/>.</summary>
    public static string BlockPartition(long sequence) => string.Create(CultureInfo.InvariantCulture, $"f{sequence / BlockSize:D12}");

    /// <summary>The row key of <paramref name="sequence"/>: fixed-width, so row-key order is sequence order.</summary>
    public static string SequenceRow(long sequence) => sequence.ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>Stages <paramref name="events"/> of a batch: upserts keyed by event id, in full transactions; a retry rewrites the same rows.</summary>
    public async Task<int> StageAsync(string batchId, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default)
    {
        var partition = StagePartition(batchId);
        var transactions = 0;
        foreach (var chunk in events.DistinctBy(e => e.Id).Chunk(TransactionLimit))
        {
            var result = await Table.SubmitAsync(chunk.Select(e => EntityChange.Upsert(ChangeEventEntity.Of(e, partition, e.Id, _values))), cancellationToken).ConfigureAwait(false);
            result.ThrowIfNotWritten();
            transactions++;
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

        if (staged.Count == 0)
        {
            return 0;
        }

        // A stable order within the batch: by person, then type, then id.
        staged = [.. staged.OrderBy(e => e.PersonKey, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.EventId, StringComparer.Ordinal)];
        var hint = await Table.GetAsync<FeedMarkEntity>(HeadPartition, NextRow, cancellationToken).ConfigureAwait(false);
        var next = await TailAsync(hint?.Position ?? 0, cancellationToken).ConfigureAwait(false);
        var first = next;
        var written = 0;
        while (written < staged.Count)
        {
            var room = (int)Math.Min(TransactionLimit, ((next / BlockSize) + 1) * BlockSize - next);
            var start = next;
            var chunk = staged.Skip(written).Take(room).Select((e, i) => Published(e, start + i, now)).ToList();
            var result = await Table.SubmitAsync(chunk.Select(EntityChange.Add), cancellationToken).ConfigureAwait(false);
            if (result.IsWritten)
            {
                written += chunk.Count;
                next += chunk.Count;
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
        await Table.UpsertAsync(new FeedMarkEntity { PartitionKey = partition, RowKey = PublishedRow, Position = first, Count = staged.Count, At = now }, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        LogPublished(logger, batchId, staged.Count, first);
        return staged.Count;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> published rows from <paramref name="from"/> on, within one partition (a read stops
    /// at its block's end): the events among them, how many rows were read and the last row's sequence, so a reader
    /// moves past rows that hold no event any more (an erased person's).
    /// </summary>
    public async Task<ChangeEventRange> ReadAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        var room = (int)Math.Min(limit, ((from / BlockSize) + 1) * BlockSize - from);
        var filter = TableFilter.Of($"PartitionKey eq {BlockPartition(from)} and RowKey ge {SequenceRow(from)}");
        var page = await Table.QueryPageAsync<ChangeEventEntity>(filter, null, room, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rows = page.Items.Take(room).ToList();
        var last = rows.Count > 0 && long.TryParse(rows[^1].RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : (long?)null;
        return new ChangeEventRange(rows.Select(e => e.ToEvent(_values)).OfType<ChangeEvent>().ToList(), rows.Count, last);
    }

    /// <summary>
    /// Removes every event of <paramref name="persons"/>: a staged one is deleted, a published one emptied in its place, a
    /// blank that readers step over (a freed sequence would be written again after a reader had passed it). Returns how
    /// many events went. The events are found by reading the table, which holds only the retention's days.
    /// </summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var keys = persons.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        var gone = new List<EntityChange>();
        await foreach (var row in Table.QueryAsync<ChangeEventEntity>(TableFilter.Of($"PartitionKey ne {HeadPartition}"), select: ["PartitionKey", "RowKey", nameof(ChangeEventEntity.PersonKey), nameof(ChangeEventEntity.LinkedKey), nameof(ChangeEventEntity.Sequence), nameof(ChangeEventEntity.PublishedAt)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (keys.Contains(row.PersonKey) || (row.LinkedKey is { } linked && keys.Contains(linked)))
            {
                gone.Add(row.Sequence is null
                    ? EntityChange.Delete(row.PartitionKey, row.RowKey)
                    : EntityChange.Upsert(new ChangeEventEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Type = Erased, Sequence = row.Sequence, PublishedAt = row.PublishedAt }));
            }
        }

        foreach (var chunk in gone.GroupBy(c => c.Entity.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(TransactionLimit)))
        {
            var result = await Table.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is not (WriteOutcome.Written or WriteOutcome.Missing))
            {
                result.ThrowIfNotWritten();
            }
        }

        return gone.Count;
    }

    /// <summary>The first sequence still retained: a cursor before it asks for pruned events.</summary>
    public async Task<long> FirstRetainedAsync(CancellationToken cancellationToken = default) =>
        (await Table.GetAsync<FeedMarkEntity>(HeadPartition, RetainedRow, cancellationToken).ConfigureAwait(false))?.Position ?? 0;

    /// <summary>The next sequence to be written: where a new subscription starts.</summary>
    public async Task<long> TailAsync(CancellationToken cancellationToken = default)
    {
        var hint = await Table.GetAsync<FeedMarkEntity>(HeadPartition, NextRow, cancellationToken).ConfigureAwait(false);
        return await TailAsync(hint?.Position ?? 0, cancellationToken).ConfigureAwait(false);
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
            var last = await Table.GetAsync<ChangeEventEntity>(BlockPartition(block * BlockSize), SequenceRow(((block + 1) * BlockSize) - 1), cancellationToken).ConfigureAwait(false);
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

    // The first free sequence at or after from: the rows of from's block after it say how far the feed has grown.
    private async Task<long> TailAsync(long from, CancellationToken cancellationToken)
    {
        while (true)
        {
            var filter = TableFilter.Of($"PartitionKey eq {BlockPartition(from)} and RowKey ge {SequenceRow(from)}");
            string? last = null;
            await foreach (var row in Table.QueryAsync<BareRow>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                last = row.RowKey;
            }

            if (last is null)
            {
                return from;
            }

            from = long.Parse(last, CultureInfo.InvariantCulture) + 1;
            if (from % BlockSize != 0)
            {
                return from;
            }
        }
    }

    private ChangeEventEntity Published(ChangeEventEntity staged, long sequence, DateTimeOffset now)
    {
        var change = staged.ToEvent(_values) ?? throw new InvalidOperationException("A staged change event could not be read back.");
        return ChangeEventEntity.Of(change with { Sequence = sequence, PublishedAt = now }, BlockPartition(sequence), SequenceRow(sequence), _values);
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Batch {BatchId}: published {Count} change events from sequence {First}")]
    private static partial void LogPublished(ILogger logger, string batchId, int count, long first);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Batch {BatchId}: the change feed grew past {Sequence} under the publisher; writing after its new tail")]
    private static partial void LogTailMoved(ILogger logger, string batchId, long sequence);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Pruned {Count} change event rows published or staged before {Cutoff}")]
    private static partial void LogPruned(ILogger logger, int count, DateTimeOffset cutoff);
}
