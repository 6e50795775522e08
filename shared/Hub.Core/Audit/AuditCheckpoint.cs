namespace Hub.Core.Audit;

/// <summary>
/// A signed-tree-head-like anchor (RFC 9162) for a range of the chain, written once as a JSON blob
/// <c>{day partition}/{first}-{last}.json</c> (sequence numbers in 19 digits) to the WORM container
/// <c>auditcheckpoints</c>. Someone able to rewrite the table, hashes included, cannot rewrite this.
/// </summary>
/// <param name="Partition">The day partition of the chain the range lies in, e.g. <c>d20250102</c>.</param>
/// <param name="FirstSequence">The first event covered.</param>
/// <param name="LastSequence">The last event covered.</param>
/// <param name="Count">Events covered (<c>LastSequence - FirstSequence + 1</c>).</param>
/// <param name="RootHash">RFC 9162 Merkle tree hash over the events' canonical forms, lower-case hex.</param>
/// <param name="PreviousHash">The chain hash before the first event.</param>
/// <param name="ChainHash">The chain hash of the last event: the head the range ends in.</param>
/// <param name="FirstTime">When the first event was recorded.</param>
/// <param name="LastTime">When the last event was recorded.</param>
/// <param name="WrittenAt">When the checkpoint was written.</param>
public sealed record AuditCheckpoint(
    string Partition,
    long FirstSequence,
    long LastSequence,
    long Count,
    string RootHash,
    string PreviousHash,
    string ChainHash,
    DateTimeOffset FirstTime,
    DateTimeOffset LastTime,
    DateTimeOffset WrittenAt)
{
    /// <summary>The blob name of the checkpoint.</summary>
    public string BlobName => $"{Partition}/{AuditPartitions.EventRow(FirstSequence)}-{AuditPartitions.EventRow(LastSequence)}.json";
}
