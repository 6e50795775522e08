using Hub.Core.Feeds.Batches;

namespace Hub.Core.Facts;

/// <summary>What merging a batch's records into one fact partition did.</summary>
/// <param name="Counts">Inserted, updated, unchanged and end-dated facts.</param>
/// <param name="ChangedPersons">The person keys whose facts changed, including changes an interrupted attempt made.</param>
internal sealed record PartitionMerge(BatchCounts Counts, IReadOnlySet<string> ChangedPersons);
