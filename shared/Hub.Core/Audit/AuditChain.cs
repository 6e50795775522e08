using Azure;
using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Extends the hash chain in table <c>audit</c>. Used by one writer loop per process; several Hub instances may
/// append at once, and the head's ETag decides which of them extends the chain from a given point.
/// </summary>
/// <remarks>
/// Partitioning: one partition per UTC day (<c>d20250102</c>), rows = 19-digit sequence numbers, plus a
/// <c>head</c> row. An append is one entity-group transaction: insert the events, replace the head with If-Match.
/// A writer that read a stale head fails as a whole (412, or 409 on an event row) and retries from the new head, so
/// the chain can never fork, and appending costs one storage operation per group of up to 99 events. A single
/// partition for the whole chain would do the same but grow without bound and serve every search and
/// verification; a day is what auditors ask about and what a checkpoint covers, and keeps each partition's write
/// rate (about 2,000 entities/s in Azure) far above the Hub's. When the day changes the head carries over: the
/// writer first closes yesterday's head (If-Match, <c>Next</c> = today), so a late writer there fails and follows
/// <c>Next</c>; today's head is then inserted (409 for a second writer) with yesterday's last sequence and hash.
/// A pointer row (<c>chain</c>/<c>latest</c>) names the latest day, so a starting writer need not search for it.
/// </remarks>
internal sealed class AuditChain(HubStorage storage, TimeProvider time)
{
    public const int MaxEventsPerTransaction = 99;

    private const int MaxAttempts = 8;

    private State? _state;

    /// <summary>Chains and writes <paramref name="events"/> (at most 99) in one transaction; returns them as written.</summary>
    public async Task<(string Partition, IReadOnlyList<AuditRecord> Records)> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxEventsPerTransaction);
        for (var attempt = 1; ; attempt++)
        {
            var state = _state ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var now = time.GetUtcNow();
                if (state.ETag is not null && string.CompareOrdinal(AuditPartitions.ForDay(now), state.Partition) > 0)
                {
                    state = _state = await RollOverAsync(state, AuditPartitions.ForDay(now), cancellationToken).ConfigureAwait(false);
                }

                var records = new List<AuditRecord>(events.Count);
                var (sequence, hash) = (state.Sequence, state.Hash);
                foreach (var auditEvent in events)
                {
                    sequence++;
                    var next = AuditCanonicalForm.ChainHash(hash, sequence, now, auditEvent);
                    records.Add(new AuditRecord(sequence, now, auditEvent, hash, next));
                    hash = next;
                }

                var head = new AuditChainHeadEntity
                {
                    PartitionKey = state.Partition,
                    StartSequence = state.StartSequence,
                    StartHash = state.StartHash,
                    Sequence = sequence,
                    Hash = hash,
                    Previous = state.Previous,
                };
                var actions = records
                    .Select(r => new TableTransactionAction(TableTransactionActionType.Add, AuditEventEntity.From(state.Partition, r)))
                    .Append(state.ETag is { } etag
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, etag)
                        : new TableTransactionAction(TableTransactionActionType.Add, head))
                    .ToList();
                var response = await storage.Audit.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                var headETag = response.Value[^1].Headers.ETag;
                _state = state with
                {
                    Sequence = sequence,
                    Hash = hash,
                    ETag = headETag ?? await ReadHeadETagAsync(state.Partition, cancellationToken).ConfigureAwait(false),
                };
                return (state.Partition, records);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer extended the chain (or closed the day) first: continue from where it left off.
                _state = await LoadFromAsync(state.Partition, state.Previous, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Forgets the cached head, so the next append reads it again (after a failed transaction).</summary>
    public void Reset() => _state = null;

    private async Task<State> RollOverAsync(State state, string day, CancellationToken cancellationToken)
    {
        var close = new TableEntity(state.Partition, AuditPartitions.HeadRow) { [nameof(AuditChainHeadEntity.Next)] = day };
        await storage.Audit.UpdateEntityAsync(close, state.ETag!.Value, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);

        // Only a hint for a writer that starts later: it follows Next from wherever this points.
        var pointer = new TableEntity(AuditPartitions.PointerPartition, AuditPartitions.PointerRow) { ["Partition"] = day, ["Previous"] = state.Partition };
        await storage.Audit.UpsertEntityAsync(pointer, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new State(day, state.Partition, state.Sequence, state.Hash, state.Sequence, state.Hash, ETag: null);
    }

    private async Task<State> LoadAsync(CancellationToken cancellationToken)
    {
        var pointer = await storage.Audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.PointerPartition, AuditPartitions.PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (pointer.HasValue)
        {
            return await LoadFromAsync(pointer.Value!.GetString("Partition"), pointer.Value.GetString("Previous") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        // The first writer ever names the chain's first day; a second one racing it reads that choice.
        var genesis = AuditPartitions.ForDay(time.GetUtcNow());
        try
        {
            await storage.Audit.AddEntityAsync(new TableEntity(AuditPartitions.PointerPartition, AuditPartitions.PointerRow) { ["Partition"] = genesis, ["Previous"] = string.Empty }, cancellationToken).ConfigureAwait(false);
            return await LoadFromAsync(genesis, string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Follows the heads from <paramref name="partition"/> to the latest one.</summary>
    private async Task<State> LoadFromAsync(string partition, string previous, CancellationToken cancellationToken)
    {
        while (true)
        {
            var head = await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                // The day was opened (the previous head names it) but nothing is written in it yet.
                var before = previous.Length == 0 ? null : await ReadHeadAsync(previous, cancellationToken).ConfigureAwait(false);
                var (sequence, hash) = before is null ? (0L, AuditCanonicalForm.GenesisHash) : (before.Sequence, before.Hash);
                return new State(partition, previous, sequence, hash, sequence, hash, ETag: null);
            }

            if (head.Next.Length == 0)
            {
                return new State(partition, head.Previous, head.StartSequence, head.StartHash, head.Sequence, head.Hash, head.ETag);
            }

            (previous, partition) = (partition, head.Next);
        }
    }

    private async Task<AuditChainHeadEntity?> ReadHeadAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await storage.Audit.GetEntityIfExistsAsync<AuditChainHeadEntity>(partition, AuditPartitions.HeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<ETag?> ReadHeadETagAsync(string partition, CancellationToken cancellationToken) =>
        (await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false))?.ETag;

    private sealed record State(string Partition, string Previous, long StartSequence, string StartHash, long Sequence, string Hash, ETag? ETag);
}
