using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>The person index's cursor row: the last chain event up to which every event is indexed.</summary>
internal sealed class AuditIndexCursorEntity : StoredEntity
{
    public AuditIndexCursorEntity() => (PartitionKey, RowKey) = (AuditPersonIndex.CursorPartition, AuditPersonIndex.CursorRow);

    /// <summary>The day partition of that event.</summary>
    public string EventPartition { get; set; } = string.Empty;

    /// <summary>The event's sequence number.</summary>
    public long Sequence { get; set; }
}
