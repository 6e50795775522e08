using System.Text.Json.Serialization;
using Hub.Core.Audit;
using Hub.Core.Divisions;

namespace Hub.Functions.Audit;

/// <summary>
/// An audit event as the auditor API shows it. The user's division is named from the registry in force beside its code
/// (<c>divisionName</c>, <c>divisionPath</c>); the names are not part of the event, so its hash covers the code only.
/// </summary>
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
    /// <summary>The name of <see cref="Division"/> in the division registry (和平街道); absent when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DivisionName { get; init; }

    /// <summary>The path of <see cref="Division"/> from the county down (朝阳区 / 和平街道); absent when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DivisionPath { get; init; }

    public static AuditEventView From(AuditRecord record, DivisionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        var names = DivisionNames.Of(registry, e.Actor.Division, null);
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
            record.Hash)
        {
            DivisionName = names.Name,
            DivisionPath = names.Path,
        };
    }
}
