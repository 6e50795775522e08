using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>What merging a batch's records into one fact partition will do, worked out in memory before any write.</summary>
/// <param name="PartitionKey">The partition.</param>
/// <param name="Merge">The batch merging, and how.</param>
/// <param name="Incoming">The batch's records in the partition: what the partition is planned again from when it changed under the plan.</param>
/// <param name="Counts">Inserted, updated, unchanged and end-dated facts.</param>
/// <param name="Changes">The fact writes and the changed persons' view writes, each guarded by the version read.</param>
/// <param name="Changed">
/// The persons whose facts this batch changed (including changes an interrupted attempt made), with their facts
/// before and after: what their resident rows and profiles follow from.
/// </param>
/// <param name="Agreements">How the batch's values compare with the other departments' facts about the same persons.</param>
internal sealed record PartitionPlan(
    string PartitionKey,
    FactMerge Merge,
    IReadOnlyList<IncomingFact> Incoming,
    BatchCounts Counts,
    IReadOnlyList<EntityChange> Changes,
    IReadOnlyList<PersonChange> Changed,
    IReadOnlyList<AgreementTally>? Agreements = null);
