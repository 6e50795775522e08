using System.Globalization;

namespace Hub.Core.Audit;

/// <summary>
/// A signed-tree-head-like anchor (RFC 9162) for a range of the chain, written once as a JSON blob
/// <c>{day partition}/{first}-{last}.json</c> (sequence numbers in 19 digits) to the WORM container
/// <c>auditcheckpoints</c>. Someone able to rewrite the table, hashes included, cannot rewrite this.
/// </summary>
/// <remarks>
/// <para>
/// A checkpoint states two Merkle trees. The range tree (<see cref="RootHash"/>) covers its own events only, as
/// checkpoints always have. The tree head (<see cref="TreeSize"/>, <see cref="TreeRoot"/>) covers the day's events
/// from the day's first through <see cref="LastSequence"/>, so the checkpoints of one day are successive heads of one
/// growing log, each extending the one before: an inclusion proof shows an event is in a head, and a consistency
/// proof (RFC 9162 §2.1.4) shows a later head kept an earlier one unchanged. Disjoint range trees have nothing to be
/// consistent with. The log is per day because a day is one table partition: a proof reads one partition range,
/// never the trail. Days are linked by the chain hash instead (<see cref="PreviousHash"/> of a day's first
/// checkpoint is the last chain hash of the day before).
/// </para>
/// <para>
/// Checkpoints written before tree heads existed have none (the three fields are null); they stay readable and
/// verifiable by their range tree, and prove nothing further.
/// </para>
/// </remarks>
/// <param name="Partition">The day partition of the chain the range lies in, e.g. <c>d20250102</c>.</param>
/// <param name="FirstSequence">The first event covered.</param>
/// <param name="LastSequence">The last event covered.</param>
/// <param name="Count">Events covered (<c>LastSequence - FirstSequence + 1</c>).</param>
/// <param name="RootHash">RFC 9162 Merkle tree hash over the range's events' canonical forms, lower-case hex.</param>
/// <param name="PreviousHash">The chain hash before the first event.</param>
/// <param name="ChainHash">The chain hash of the last event: the head the range ends in.</param>
/// <param name="FirstTime">When the first event was recorded.</param>
/// <param name="LastTime">When the last event was recorded.</param>
/// <param name="WrittenAt">When the checkpoint was written.</param>
/// <param name="TreeSize">The leaves of the day's tree: the day's events from its first through <paramref name="LastSequence"/>.</param>
/// <param name="TreeRoot">RFC 9162 Merkle tree hash of the day's tree, lower-case hex.</param>
/// <param name="TreeFrontier">
/// The roots of the perfect subtrees the day's tree splits into, largest first (lower-case hex): what the next
/// checkpoint of the day extends, so writing one reads only the events since this one.
/// </param>
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
    DateTimeOffset WrittenAt,
    long? TreeSize = null,
    string? TreeRoot = null,
    IReadOnlyList<string>? TreeFrontier = null)
{
    /// <summary>The blob name of the checkpoint.</summary>
    public string BlobName => $"{Partition}/{AuditPartitions.EventRow(FirstSequence)}-{AuditPartitions.EventRow(LastSequence)}.json";

    /// <summary>The day's first event: leaf 0 of the day's tree; null without a tree head.</summary>
    public long? TreeFirstSequence => TreeSize is { } size ? LastSequence - size + 1 : null;

    /// <summary>
    /// The hex leaf hash an event has in the trees of its day: SHA-256(0x00 ‖ its canonical form), the canonical form
    /// being the bytes its chain hash is computed over (format <c>hub-audit-v1</c>).
    /// </summary>
    public static string LeafHash(long sequence, DateTimeOffset time, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return Convert.ToHexStringLower(MerkleTreeHash.LeafHash(AuditCanonicalForm.Serialise(sequence, time, auditEvent)));
    }

    internal static byte[] Leaf(AuditRecord record) => MerkleTreeHash.LeafHash(AuditCanonicalForm.Serialise(record.Sequence, record.Time, record.Event));

    /// <summary>Reads a blob name <c>d20250102/{first}-{last}.json</c>; false for anything else.</summary>
    internal static bool TryParseName(string? name, out string partition, out long first, out long last)
    {
        (partition, first, last) = (string.Empty, 0, 0);
        const int Length = 9 + 1 + 19 + 1 + 19 + 5;
        if (name is not { Length: Length } || name[0] != 'd' || name[9] != '/' || name[29] != '-' || !name.EndsWith(".json", StringComparison.Ordinal)
            || !DateOnly.TryParseExact(name.AsSpan(1, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !long.TryParse(name.AsSpan(10, 19), NumberStyles.None, CultureInfo.InvariantCulture, out first)
            || !long.TryParse(name.AsSpan(30, 19), NumberStyles.None, CultureInfo.InvariantCulture, out last)
            || first < 1 || last < first)
        {
            return false;
        }

        partition = name[..9];
        return true;
    }
}
