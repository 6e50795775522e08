using Hub.Core.Feeds.Batches;

namespace Hub.Core.Facts;

/// <summary>What merging a batch's records into one fact partition did.</summary>
/// <param name="Counts">Inserted, updated, unchanged and end-dated facts.</param>
/// <param name="ChangedPersonsFacts">
/// Every fact, from every source, of the persons whose facts this batch changed (including changes an interrupted
/// attempt made), as they stand after the merge: what their profiles are built from.
/// </param>
internal sealed record PartitionMerge(BatchCounts Counts, IReadOnlyList<FactEntity> ChangedPersonsFacts);
