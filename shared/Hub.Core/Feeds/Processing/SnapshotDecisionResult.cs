using Hub.Core.Feeds.Batches;

namespace Hub.Core.Feeds.Processing;

/// <summary>What came of a decision about a held snapshot.</summary>
/// <param name="Status">Done, unknown batch, or the batch is not held.</param>
/// <param name="Batch">The batch as it stands after the decision (or as it was found); null for an unknown one.</param>
public sealed record SnapshotDecisionResult(SnapshotDecisionStatus Status, FeedBatch? Batch)
{
    internal static SnapshotDecisionResult Done(FeedBatch batch) => new(SnapshotDecisionStatus.Done, batch);

    internal static SnapshotDecisionResult Unknown() => new(SnapshotDecisionStatus.UnknownBatch, null);

    internal static SnapshotDecisionResult NotHeld(FeedBatch batch) => new(SnapshotDecisionStatus.NotHeld, batch);
}
