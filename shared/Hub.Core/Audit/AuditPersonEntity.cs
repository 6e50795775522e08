using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// "Who looked at this person": one row per person an event touched, in table <c>auditbyperson</c>, in one of 16
/// partitions (<c>h0</c>–<c>hf</c>, the person key's first hex digit) with row <c>{personKey}|{sequence}</c>, so a
/// person's whole history is one row-key range and the filter columns answer a search without reading the chain.
/// </summary>
/// <remarks>
/// Few partitions, because the rows are written in bulk: a list of 50 residents touches 50 persons, and the rows of
/// every event indexed together share a transaction per partition. Sixteen partitions take some 30,000 rows a
/// second at the storage service's per-partition rate, hundreds of lists a second.
/// </remarks>
internal sealed class AuditPersonEntity : StoredEntity
{
    /// <summary>The day partition of the event in the audit table.</summary>
    public string EventPartition { get; set; } = string.Empty;

    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string? Division { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Purpose { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public bool BreakGlass { get; set; }

    public static string RowPrefix(PersonKey personKey) => personKey.Value + "|";

    /// <summary>The partition of <paramref name="personKey"/>'s rows.</summary>
    public static string PartitionOf(PersonKey personKey) => string.Concat("h", personKey.Value.AsSpan(0, 1));

    public static AuditPersonEntity From(PersonKey personKey, string eventPartition, AuditRecord record) => new()
    {
        PartitionKey = PartitionOf(personKey),
        RowKey = RowPrefix(personKey) + AuditPartitions.EventRow(record.Sequence),
        EventPartition = eventPartition,
        Sequence = record.Sequence,
        Time = record.Time,
        UserId = record.Event.Actor.UserId,
        Division = record.Event.Actor.Division,
        Action = record.Event.Action.Value,
        Purpose = record.Event.Purpose,
        Outcome = AuditCanonicalForm.FormatOutcome(record.Event.Outcome),
        BreakGlass = record.Event.IsBreakGlass,
    };
}
