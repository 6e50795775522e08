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
            var now = time.GetUtcNow();
            if (state.Version is not null && string.CompareOrdinal(AuditPartitions.ForDay(now), state.Partition) > 0)
            {
                if (await RollOverAsync(state, AuditPartitions.ForDay(now), cancellationToken).ConfigureAwait(false) is not { } opened)
                {
                    // Another writer closed the day first: continue from where it left off.
                    _state = await RetryFromAsync(state, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                state = _state = opened;
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
            var changes = records
                .Select(r => EntityChange.Add(AuditEventEntity.From(state.Partition, r)))
                .Append(state.Version is { } version ? EntityChange.Update(head, version) : EntityChange.Add(head))
                .ToList();
            var result = await storage.AuditTable.SubmitAsync(changes, cancellationToken).ConfigureAwait(false);
            if (!result.IsWritten)
            {
                // Another writer extended the chain (or closed the day) first: continue from where it left off.
                _state = await RetryFromAsync(state, attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _state = state with
            {
                Sequence = sequence,
                Hash = hash,
                Version = result.Versions[^1] ?? await ReadHeadVersionAsync(state.Partition, cancellationToken).ConfigureAwait(false),
            };
            return (state.Partition, records);
        }
    }

    /// <summary>Forgets the cached head, so the next append reads it again (after a failed transaction).</summary>
    public void Reset() => _state = null;

    /// <summary>The head as it stands after another writer came first; after too many such races, a failure.</summary>
    private async Task<State> RetryFromAsync(State state, int attempt, CancellationToken cancellationToken) =>
        attempt < MaxAttempts
            ? await LoadFromAsync(state.Partition, state.Previous, cancellationToken).ConfigureAwait(false)
            : throw new InvalidOperationException($"The audit chain could not be extended: other writers came first {MaxAttempts} times in a row.");

    /// <summary>Closes the day of <paramref name="state"/> and opens <paramref name="day"/>; null when another writer changed the head first.</summary>
    private async Task<State?> RollOverAsync(State state, string day, CancellationToken cancellationToken)
    {
        var close = new AuditChainCloseEntity { PartitionKey = state.Partition, RowKey = AuditPartitions.HeadRow, Next = day };
        var closed = await storage.AuditTable.UpdateAsync(close, state.Version!.Value, EntityUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        if (closed.Outcome == WriteOutcome.Changed)
        {
            return null;
        }

        if (!closed.IsWritten)
        {
            throw new InvalidOperationException($"The audit chain head of {state.Partition} is gone; the chain cannot continue from it.");
        }

        // Only a hint for a writer that starts later: it follows Next from wherever this points.
        var pointer = new AuditChainPointerEntity { Partition = day, Previous = state.Partition };
        await storage.AuditTable.UpsertAsync(pointer, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new State(day, state.Partition, state.Sequence, state.Hash, state.Sequence, state.Hash, Version: null);
    }

    private async Task<State> LoadAsync(CancellationToken cancellationToken)
    {
        var pointer = await storage.AuditTable.GetAsync<AuditChainPointerEntity>(AuditPartitions.PointerPartition, AuditPartitions.PointerRow, cancellationToken).ConfigureAwait(false);
        if (pointer is not null)
        {
            return await LoadFromAsync(pointer.Partition, pointer.Previous, cancellationToken).ConfigureAwait(false);
        }

        // The first writer ever names the chain's first day; a second one racing it reads that choice.
        var genesis = AuditPartitions.ForDay(time.GetUtcNow());
        var added = await storage.AuditTable.AddAsync(new AuditChainPointerEntity { Partition = genesis }, cancellationToken).ConfigureAwait(false);
        return added.IsWritten
            ? await LoadFromAsync(genesis, string.Empty, cancellationToken).ConfigureAwait(false)
            : await LoadAsync(cancellationToken).ConfigureAwait(false);
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
                return new State(partition, previous, sequence, hash, sequence, hash, Version: null);
            }

            if (head.Next.Length == 0)
            {
                return new State(partition, head.Previous, head.StartSequence, head.StartHash, head.Sequence, head.Hash, head.Version);
            }

            (previous, partition) = (partition, head.Next);
        }
    }

    private Task<AuditChainHeadEntity?> ReadHeadAsync(string partition, CancellationToken cancellationToken) =>
        storage.AuditTable.GetAsync<AuditChainHeadEntity>(partition, AuditPartitions.HeadRow, cancellationToken);

    private async Task<EntityVersion?> ReadHeadVersionAsync(string partition, CancellationToken cancellationToken) =>
        (await ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false))?.Version;

    private sealed record State(string Partition, string Previous, long StartSequence, string StartHash, long Sequence, string Hash, EntityVersion? Version);
}
