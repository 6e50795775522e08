using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;

namespace Hub.Core.Profiles.Facts;

/// <summary>What merging a batch's records into one fact partition will do, worked out in memory before any write.</summary>
/// <param name="PartitionKey">The partition.</param>
/// <param name="Counts">Inserted, updated, unchanged and end-dated facts.</param>
/// <param name="Actions">The fact writes and the changed persons' view writes, each guarded by the ETag read.</param>
/// <param name="Changed">
/// The persons whose facts this batch changed (including changes an interrupted attempt made), with their facts
/// before and after: what their resident rows and profiles follow from.
/// </param>
internal sealed record PartitionPlan(string PartitionKey, BatchCounts Counts, IReadOnlyList<TableTransactionAction> Actions, IReadOnlyList<PersonChange> Changed);
