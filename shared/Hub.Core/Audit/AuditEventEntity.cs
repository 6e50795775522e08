using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>An audit event as a table entity: partition = day of the chain, row = sequence number (19 digits).</summary>
internal sealed class AuditEventEntity : StoredEntity
{
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string? Role { get; set; }

    public string? Division { get; set; }

    public string? ClientApplicationId { get; set; }

    public string? ClientAddress { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Resource { get; set; }

    public string PersonKeys { get; set; } = string.Empty;

    public string Fields { get; set; } = string.Empty;

    public string? Purpose { get; set; }

    public string? BreakGlassReason { get; set; }

    public bool BreakGlass { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public int RecordCount { get; set; }

    public string? CorrelationId { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public static AuditEventEntity From(string partition, AuditRecord record)
    {
        var e = record.Event;
        return new AuditEventEntity
        {
            PartitionKey = partition,
            RowKey = AuditPartitions.EventRow(record.Sequence),
            Sequence = record.Sequence,
            Time = record.Time,
            UserId = e.Actor.UserId,
            Role = e.Actor.Role,
            Division = e.Actor.Division,
            ClientApplicationId = e.Actor.ClientApplicationId,
            ClientAddress = e.Actor.ClientAddress,
            Action = e.Action.Value,
            Resource = e.Resource,
            PersonKeys = AuditCanonicalForm.JoinPersonKeys(e),
            Fields = AuditCanonicalForm.JoinFields(e),
            Purpose = e.Purpose,
            BreakGlassReason = e.BreakGlassReason,
            BreakGlass = e.IsBreakGlass,
            Outcome = AuditCanonicalForm.FormatOutcome(e.Outcome),
            RecordCount = e.RecordCount,
            CorrelationId = e.CorrelationId,
            PreviousHash = record.PreviousHash,
            Hash = record.Hash,
        };
    }

    /// <summary>The event as stored, whatever was done to the row since: the verifier hashes exactly this.</summary>
    public AuditRecord ToRecord() => new(
        Sequence,
        Time,
        new AuditEvent
        {
            Actor = new AuditActor(UserId, Role, Division, ClientApplicationId, ClientAddress),
            Action = AuditAction.TryParse(Action, out var action) ? action : default,
            Resource = Resource,
            PersonKeys = PersonKeys.Length == 0 ? [] : PersonKeys.Split(',').Select(k => PersonKey.TryParse(k, out var key) ? key : default).ToList(),
            Fields = Fields.Length == 0 ? [] : Fields.Split(',').Select(ParseField).ToList(),
            Purpose = Purpose,
            BreakGlassReason = BreakGlassReason,
            Outcome = Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: true, out var outcome) ? outcome : default,
            RecordCount = RecordCount,
            CorrelationId = CorrelationId,
        },
        PreviousHash,
        Hash);

    private static DisclosedField ParseField(string text)
    {
        var separator = text.LastIndexOf('=');
        return separator < 0 ? new DisclosedField(text, Masked: false) : new DisclosedField(text[..separator], text[(separator + 1)..] == "masked");
    }
}
