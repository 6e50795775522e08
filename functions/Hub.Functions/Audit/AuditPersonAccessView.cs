using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>
/// One look at a person, as the "who looked at this person" report shows it: who, when, why, what was disclosed
/// and the outcome; the other persons the same request touched are only counted.
/// </summary>
internal sealed record AuditPersonAccessView(
    long Sequence,
    DateTimeOffset Time,
    string UserId,
    string? Role,
    string? Division,
    string? ClientApplicationId,
    string Action,
    string? Purpose,
    bool BreakGlass,
    string Outcome,
    IReadOnlyList<DisclosedField> Fields,
    int OtherPersons)
{
    public static AuditPersonAccessView From(AuditRecord record, Hub.Core.Kernel.PersonKey person)
    {
        var e = record.Event;
        return new AuditPersonAccessView(
            record.Sequence,
            record.Time,
            e.Actor.UserId,
            e.Actor.Role,
            e.Actor.Division,
            e.Actor.ClientApplicationId,
            e.Action.Value,
            e.Purpose,
            e.IsBreakGlass,
            e.Outcome.ToString().ToLowerInvariant(),
            e.Fields,
            e.PersonKeys.Distinct().Count(k => k != person));
    }
}
