namespace Hub.Core.Audit;

/// <summary>
/// Compares the tree heads of a day's checkpoints with the day's stored events, in one pass: the day's tree is grown
/// leaf by leaf and its root taken at each checkpoint's last event. Checkpoints written before tree heads are skipped;
/// their range trees are compared by <see cref="AuditChainWalk.CompareCheckpoints"/>.
/// </summary>
internal static class AuditTreeHeadCheck
{
    public static (AuditFinding? Finding, int Compared) Compare(string partition, List<AuditEventEntity> events, List<(string Name, AuditCheckpoint Checkpoint)> checkpoints)
    {
        var tree = new MerkleFrontier();
        var next = 0;
        var compared = 0;
        var dayFirst = events.Count > 0 ? events[0].Sequence : 0;
        foreach (var (name, checkpoint) in checkpoints.Where(c => c.Checkpoint.TreeSize is not null).OrderBy(c => c.Checkpoint.LastSequence))
        {
            compared++;
            while (next < events.Count && events[next].Sequence <= checkpoint.LastSequence)
            {
                tree.Append(AuditCheckpoint.Leaf(events[next++].ToRecord()));
            }

            if (Disagreement(checkpoint, tree, dayFirst) is { } detail)
            {
                var first = Math.Max(checkpoint.TreeFirstSequence ?? dayFirst, 1);
                return (new AuditFinding(AuditTamperKind.Edited, first, checkpoint.LastSequence, partition, $"The tree head of checkpoint {name} no longer matches events {first} to {checkpoint.LastSequence}: {detail}"), compared);
            }
        }

        return (null, compared);
    }

    private static string? Disagreement(AuditCheckpoint checkpoint, MerkleFrontier tree, long dayFirst)
    {
        if (checkpoint.TreeFirstSequence != dayFirst || tree.Size != checkpoint.TreeSize)
        {
            return $"it holds {checkpoint.TreeSize} events from event {checkpoint.TreeFirstSequence}, the table {tree.Size} from event {dayFirst}.";
        }

        if (tree.RootHex() != checkpoint.TreeRoot)
        {
            return "its tree root differs from the root over the stored events.";
        }

        // The frontier is what the next checkpoint of the day was built from; it must be this very tree.
        return checkpoint.TreeFrontier is { } nodes && MerkleFrontier.Restore(checkpoint.TreeSize!.Value, nodes)?.RootHex() != checkpoint.TreeRoot
            ? "its frontier does not fold to its tree root."
            : null;
    }
}
