namespace Hub.Core.Audit;

/// <summary>The rules that tell an edit from a removal, an insertion or a reordering, over one day partition.</summary>
internal static class AuditChainWalk
{
    /// <summary>Walks a partition's events in stored (row-key) order from <paramref name="position"/>.</summary>
    public static (AuditFinding? Finding, ChainPosition Next) Walk(string partition, List<AuditEventEntity> events, AuditChainHeadEntity? head, ChainPosition position)
    {
        var (expected, hash) = (position.NextSequence, position.Hash);
        for (var i = 0; i < events.Count; i++)
        {
            var stored = events[i];
            if (stored.Sequence < expected)
            {
                return (Found(AuditTamperKind.Inserted, stored.Sequence, partition, $"A second event claims sequence {stored.Sequence}, or an event is stored out of its place."), position);
            }

            if (stored.Sequence > expected)
            {
                return events.Skip(i + 1).Any(e => e.Sequence == expected)
                    ? (Found(AuditTamperKind.Reordered, expected, partition, $"Event {expected} is stored after event {stored.Sequence}."), position)
                    : (Found(AuditTamperKind.Removed, expected, partition, $"Events {expected} to {stored.Sequence - 1} are missing."), position);
            }

            if (stored.RowKey != AuditPartitions.EventRow(stored.Sequence))
            {
                return (Found(AuditTamperKind.Inserted, expected, partition, $"A row that is not where the Hub writes event {expected} claims to be it."), position);
            }

            var record = stored.ToRecord();
            var recomputed = AuditCanonicalForm.ChainHash(hash, record.Sequence, record.Time, record.Event);
            if (recomputed == stored.Hash)
            {
                (expected, hash) = (expected + 1, recomputed);
                continue;
            }

            if (i + 1 < events.Count && stored.PreviousHash == events[i + 1].Hash)
            {
                return (Found(AuditTamperKind.Reordered, expected, partition, $"Event {expected} chains from the event stored after it."), position);
            }

            if (i > 0 && stored.PreviousHash == events[i - 1].PreviousHash)
            {
                return (Found(AuditTamperKind.Inserted, expected - 1, partition, $"Events {expected - 1} and {expected} chain from the same predecessor: {expected - 1} was inserted."), position);
            }

            if (stored.PreviousHash != hash && AuditCanonicalForm.ChainHash(stored.PreviousHash, record.Sequence, record.Time, record.Event) == stored.Hash)
            {
                return (Found(AuditTamperKind.Edited, expected - 1, partition, $"Event {expected} is intact but chains from a different event {expected - 1}: that one was edited and its hash recomputed."), position);
            }

            return (Found(AuditTamperKind.Edited, expected, partition, $"Event {expected} no longer matches its hash."), position);
        }

        var next = new ChainPosition(expected, hash);
        var last = expected - 1;
        if (head is null)
        {
            return events.Count == 0
                ? (null, next)
                : (Found(AuditTamperKind.Edited, last, partition, "The day's chain head is missing."), next);
        }

        if (head.Sequence > last)
        {
            return (Found(AuditTamperKind.Removed, expected, partition, $"Events {expected} to {head.Sequence} are missing: the chain head ends there."), next);
        }

        if (head.Sequence < last)
        {
            return (Found(AuditTamperKind.Inserted, head.Sequence + 1, partition, $"Events after {head.Sequence}, where the chain head ends, were added."), next);
        }

        return head.Hash == hash
            ? (null, next)
            : (Found(AuditTamperKind.Edited, last, partition, $"The chain head disagrees with event {last}."), next);
    }

    /// <summary>Compares each checkpoint of a partition with the stored events of its range; the first disagreement.</summary>
    public static (AuditFinding? Finding, int Compared) CompareCheckpoints(string partition, List<AuditEventEntity> events, List<(string Name, AuditCheckpoint Checkpoint)> checkpoints)
    {
        var compared = 0;
        foreach (var (name, checkpoint) in checkpoints.OrderBy(c => c.Checkpoint.FirstSequence))
        {
            compared++;
            var range = events.Where(e => e.Sequence >= checkpoint.FirstSequence && e.Sequence <= checkpoint.LastSequence).Select(e => e.ToRecord()).ToList();
            var kind = range.Count < checkpoint.Count ? AuditTamperKind.Removed
                : range.Count > checkpoint.Count ? AuditTamperKind.Inserted
                : AuditCheckpointWriter.RootHash(range) != checkpoint.RootHash ? (SameLeaves(range, checkpoint) ? AuditTamperKind.Reordered : AuditTamperKind.Edited)
                : range[0].PreviousHash != checkpoint.PreviousHash || range[^1].Hash != checkpoint.ChainHash ? AuditTamperKind.Edited
                : default(AuditTamperKind?);
            if (kind is { } found)
            {
                return (new AuditFinding(found, checkpoint.FirstSequence, checkpoint.LastSequence, partition, $"Events {checkpoint.FirstSequence} to {checkpoint.LastSequence} no longer match checkpoint {name}."), compared);
            }
        }

        return (null, compared);
    }

    /// <summary>Whether the stored range holds the checkpoint's events in another order: same count, same root when sorted by sequence.</summary>
    private static bool SameLeaves(List<AuditRecord> range, AuditCheckpoint checkpoint) =>
        AuditCheckpointWriter.RootHash(range.OrderBy(r => r.Sequence)) == checkpoint.RootHash;

    private static AuditFinding Found(AuditTamperKind kind, long sequence, string partition, string detail) => new(kind, sequence, null, partition, detail);
}
