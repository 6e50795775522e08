using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Verifies the stored chain over a range of days: recomputes every event's hash from its stored content, follows
/// the sequence numbers and the links between hashes, compares each day's head, and compares every checkpoint
/// (whose blobs cannot be rewritten) with the events it covers: its range tree, and its head of the day's tree where
/// it states one. Reports the first point of tampering.
/// </summary>
/// <remarks>
/// The chain alone names the kind and sequence number of a change made without recomputing hashes. A change whose
/// author recomputed every later hash (SHA-256 needs no key) leaves a consistent chain; the checkpoint covering it
/// still disagrees, and names the range. Events after the last checkpoint are protected by the chain only.
/// </remarks>
public sealed class AuditVerifier(HubStorage storage)
{
    private readonly AuditChainReader _reader = new(storage);

    /// <summary>Verifies the day partitions from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive).</summary>
    public async Task<AuditVerification> VerifyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        var heads = (await _reader.ReadHeadsAsync(from, to, cancellationToken).ConfigureAwait(false)).ToDictionary(h => h.PartitionKey, StringComparer.Ordinal);
        var position = default(ChainPosition?);
        long eventsChecked = 0;
        var checkpointsChecked = 0;
        var treeHeadsChecked = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var partition = AuditPartitions.ForDay(day);
            var head = heads.GetValueOrDefault(partition);
            var events = await _reader.ReadEventsAsync(partition, 0, cancellationToken).ConfigureAwait(false);
            (head, events) = await SettleAsync(partition, head, events, cancellationToken).ConfigureAwait(false);
            var checkpoints = await _reader.ReadCheckpointsAsync(partition, cancellationToken).ConfigureAwait(false);
            if (events.Count == 0 && head is null && checkpoints.Count == 0)
            {
                continue;
            }

            // The range starts where the first day's head says the day started; later days continue the walk.
            position ??= head is not null
                ? new ChainPosition(head.StartSequence + 1, head.StartHash)
                : new ChainPosition(events.Count > 0 ? events[0].Sequence : 1, events.Count > 0 ? events[0].PreviousHash : AuditCanonicalForm.GenesisHash);

            var (chainFinding, next) = AuditChainWalk.Walk(partition, events, head, position);
            position = next;
            eventsChecked += events.Count;
            var (rangeFinding, compared) = AuditChainWalk.CompareCheckpoints(partition, events, checkpoints);
            var (treeFinding, treesCompared) = AuditTreeHeadCheck.Compare(partition, events, checkpoints);
            checkpointsChecked += compared;
            treeHeadsChecked += treesCompared;
            var checkpointFinding = rangeFinding is null || (treeFinding is not null && treeFinding.LastSequence < rangeFinding.LastSequence) ? treeFinding : rangeFinding;

            // A checkpoint names only a range: it wins only when that range lies wholly before the chain's finding.
            var finding = checkpointFinding is not null && (chainFinding is null || checkpointFinding.LastSequence < chainFinding.Sequence)
                ? checkpointFinding
                : chainFinding;
            if (finding is not null)
            {
                return new AuditVerification(from, to, eventsChecked, checkpointsChecked, finding, treeHeadsChecked);
            }
        }

        return new AuditVerification(from, to, eventsChecked, checkpointsChecked, FirstFinding: null, treeHeadsChecked);
    }

    /// <summary>
    /// The day as one moment of it. Events are appended in one transaction with the head that ends at them, so events
    /// past the head read first were appended while the day was being read: the head read again covers them, and what
    /// was appended after that second read is left for the next verification. Events past a head that does not move
    /// stay in the walk, which reports them as inserted.
    /// </summary>
    private async Task<(AuditChainHeadEntity? Head, List<AuditEventEntity> Events)> SettleAsync(
        string partition, AuditChainHeadEntity? head, List<AuditEventEntity> events, CancellationToken cancellationToken)
    {
        if (head is null || events.Count == 0 || events[^1].Sequence <= head.Sequence)
        {
            return (head, events);
        }

        var fresh = await _reader.ReadHeadAsync(partition, cancellationToken).ConfigureAwait(false);
        if (fresh is null || fresh.Sequence < events[^1].Sequence)
        {
            return (head, events);
        }

        if (fresh.Sequence > events[^1].Sequence)
        {
            events.AddRange(await _reader.ReadEventsAsync(partition, events[^1].Sequence, cancellationToken).ConfigureAwait(false));
        }

        return (fresh, [.. events.Where(e => e.Sequence <= fresh.Sequence)]);
    }
}
