using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// The pointer row (<c>chain</c>/<c>latest</c>): the latest day partition as last recorded and the day before it.
/// Only a hint for a writer that starts: it follows <c>Next</c> from the heads onwards.
/// </summary>
internal sealed class AuditChainPointerEntity : StoredEntity
{
    public AuditChainPointerEntity() => (PartitionKey, RowKey) = (AuditPartitions.PointerPartition, AuditPartitions.PointerRow);

    /// <summary>The day partition the chain continued in when the pointer was written.</summary>
    public string Partition { get; set; } = string.Empty;

    /// <summary>The day partition before it; empty for the first.</summary>
    public string Previous { get; set; } = string.Empty;
}
