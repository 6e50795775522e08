namespace Hub.Core.Audit;

/// <summary>
/// That a later checkpoint's head of a day's tree extends an earlier one's: the earlier tree's events are the
/// later tree's first events, unchanged. An RFC 9162 consistency proof, every hash lower-case hex; anyone can check
/// it with <see cref="MerkleProofs.VerifyConsistency"/> (or any RFC 9162 verifier) against the roots read from the
/// two checkpoint blobs.
/// </summary>
/// <param name="Partition">The day partition of both checkpoints.</param>
/// <param name="From">The earlier checkpoint's blob name.</param>
/// <param name="To">The later checkpoint's blob name.</param>
/// <param name="FromSize">The leaves of the earlier tree head.</param>
/// <param name="ToSize">The leaves of the later tree head.</param>
/// <param name="FromRoot">The earlier tree root, as its checkpoint states it.</param>
/// <param name="ToRoot">The later tree root, as its checkpoint states it.</param>
/// <param name="Proof">The consistency proof: empty when the two heads have the same size.</param>
public sealed record AuditConsistencyProof(
    string Partition,
    string From,
    string To,
    long FromSize,
    long ToSize,
    string FromRoot,
    string ToRoot,
    IReadOnlyList<string> Proof)
{
    /// <summary>The UTC day of both checkpoints.</summary>
    public DateOnly Day => AuditPartitions.DayOf(Partition);

    /// <summary>Whether the proof shows the later head extends the earlier one; false for malformed hex.</summary>
    public bool Verify() =>
        AuditProofHex.TryParse(FromRoot, out var from) && AuditProofHex.TryParse(ToRoot, out var to) && AuditProofHex.TryParse(Proof, out var proof)
        && MerkleProofs.VerifyConsistency(FromSize, ToSize, from, to, proof);
}
