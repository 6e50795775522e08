namespace Hub.Functions.Audit;

/// <summary>
/// "Who looked at this person" for a data subject's request: the person key (never the person's data), the range,
/// each user with their count, and every access oldest first.
/// </summary>
internal sealed record AuditPersonAccessesView(
    string PersonKey,
    DateTimeOffset From,
    DateTimeOffset To,
    bool Truncated,
    IReadOnlyList<AuditPersonAccessUserView> Users,
    IReadOnlyList<AuditPersonAccessView> Accesses);
