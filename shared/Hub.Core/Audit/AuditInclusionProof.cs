namespace Hub.Core.Audit;

/// <summary>
/// That an audit event is in the head of its day's tree a checkpoint states: an RFC 9162 inclusion proof, every hash
/// lower-case hex. Anyone can check it with <see cref="MerkleProofs.VerifyInclusion"/> (or any RFC 9162 verifier)
/// against the tree root read from the checkpoint blob, which cannot be rewritten.
/// </summary>
/// <param name="Sequence">The event's sequence number.</param>
/// <param name="Partition">The day partition of the event and the checkpoint, e.g. <c>d20250301</c>.</param>
/// <param name="LeafIndex">The event's leaf in the day's tree, from 0: its sequence less the day's first.</param>
/// <param name="TreeSize">The leaves of the checkpoint's tree head.</param>
/// <param name="LeafHash">SHA-256(0x00 ‖ the event's canonical form), as the event is stored now.</param>
/// <param name="AuditPath">The audit path from the leaf's sibling up to the root.</param>
/// <param name="TreeRoot">The tree root the checkpoint states.</param>
/// <param name="Checkpoint">The checkpoint's blob name in container <c>auditcheckpoints</c>.</param>
public sealed record AuditInclusionProof(
    long Sequence,
    string Partition,
    long LeafIndex,
    long TreeSize,
    string LeafHash,
    IReadOnlyList<string> AuditPath,
    string TreeRoot,
    string Checkpoint)
{
    /// <summary>The UTC day of the event.</summary>
    public DateOnly Day => AuditPartitions.DayOf(Partition);

    /// <summary>Whether the audit path leads from <see cref="LeafHash"/> to <see cref="TreeRoot"/>; false for malformed hex.</summary>
    public bool Verify() => Verify(LeafHash);

    /// <summary>
    /// Whether the audit path leads from <paramref name="leafHash"/> (one the caller computed from the event it was
    /// shown, say) to <see cref="TreeRoot"/>.
    /// </summary>
    public bool Verify(string leafHash) =>
        AuditProofHex.TryParse(leafHash, out var leaf) && AuditProofHex.TryParse(TreeRoot, out var root) && AuditProofHex.TryParse(AuditPath, out var path)
        && MerkleProofs.VerifyInclusion(LeafIndex, TreeSize, leaf, path, root);
}
