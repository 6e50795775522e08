using Azure;
using Azure.Data.Tables;
using Hub.Core.Identity;

namespace Hub.Core.Audit;

/// <summary>
/// "Who looked at this person": one row per person an event touched, in table <c>auditbyperson</c>, partitioned as
/// person data is (<c>p000</c>–<c>p3ff</c>) with row <c>{personKey}|{sequence}</c>, so a person's whole history is one
/// row-key range and the filter columns answer a search without reading the chain.
/// </summary>
internal sealed class AuditPersonEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

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

    public static AuditPersonEntity From(PersonKey personKey, string eventPartition, AuditRecord record) => new()
    {
        PartitionKey = personKey.PartitionKey,
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
