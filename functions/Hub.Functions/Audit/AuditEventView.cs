using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>An audit event as the auditor API shows it.</summary>
internal sealed record AuditEventView(
    long Sequence,
    DateTimeOffset Time,
    string UserId,
    string? Role,
    string? Division,
    string? ClientApplicationId,
    string? ClientAddress,
    string Action,
    string? Resource,
    IReadOnlyList<string> PersonKeys,
    IReadOnlyList<DisclosedField> Fields,
    string? Purpose,
    string? BreakGlassReason,
    string Outcome,
    int RecordCount,
    string? CorrelationId,
    string Hash)
{
    public static AuditEventView From(AuditRecord record)
    {
        var e = record.Event;
        return new AuditEventView(
            record.Sequence,
            record.Time,
            e.Actor.UserId,
            e.Actor.Role,
            e.Actor.Division,
            e.Actor.ClientApplicationId,
            e.Actor.ClientAddress,
            e.Action.Value,
            e.Resource,
            e.PersonKeys.Select(k => k.Value).ToList(),
            e.Fields,
            e.Purpose,
            e.BreakGlassReason,
            e.Outcome.ToString().ToLowerInvariant(),
            e.RecordCount,
            e.CorrelationId,
            record.Hash);
    }
}
