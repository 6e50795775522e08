namespace Hub.Core.Audit;

/// <summary>Something in the audit trail an auditor should look at, with the events behind it.</summary>
/// <param name="Kind">Why it is an alert.</param>
/// <param name="UserId">Who acted.</param>
/// <param name="Role">The role they acted in (of the first event).</param>
/// <param name="Division">Their division (of the first event).</param>
/// <param name="From">When the first event behind the alert happened (for bulk access, the start of the hour).</param>
/// <param name="To">When the last one happened (for bulk access, the end of the hour).</param>
/// <param name="PersonCount">Distinct persons the events touched.</param>
/// <param name="Sequences">The sequence numbers of the events behind the alert, in order.</param>
/// <param name="Detail">What was seen, in numbers; never event content such as purposes or reasons.</param>
public sealed record AuditAlert(
    AuditAlertKind Kind,
    string UserId,
    string? Role,
    string? Division,
    DateTimeOffset From,
    DateTimeOffset To,
    int PersonCount,
    IReadOnlyList<long> Sequences,
    string Detail);
