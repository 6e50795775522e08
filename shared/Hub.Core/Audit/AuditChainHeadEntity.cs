using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// The head of the chain within one day partition: where the day started (carried over from the day before) and
/// the last event written. Every append replaces it with ETag optimistic concurrency in the same transaction as
/// the events, so two writers can never both extend the chain from the same point.
/// </summary>
internal sealed class AuditChainHeadEntity : StoredEntity
{
    public AuditChainHeadEntity() => RowKey = AuditPartitions.HeadRow;

    /// <summary>The sequence number before this day's first event (0 at the start of the chain).</summary>
    public long StartSequence { get; set; }

    /// <summary>The chain hash before this day's first event.</summary>
    public string StartHash { get; set; } = AuditCanonicalForm.GenesisHash;

    /// <summary>The last sequence number written in this partition.</summary>
    public long Sequence { get; set; }

    /// <summary>The chain hash of the last event written in this partition.</summary>
    public string Hash { get; set; } = AuditCanonicalForm.GenesisHash;

    /// <summary>The partition the chain came from; empty for the first.</summary>
    public string Previous { get; set; } = string.Empty;

    /// <summary>The partition the chain continues in; empty while this one is the latest.</summary>
    public string Next { get; set; } = string.Empty;
}
