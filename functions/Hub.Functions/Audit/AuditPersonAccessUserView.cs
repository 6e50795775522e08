namespace Hub.Functions.Audit;

/// <summary>One user who looked at a person: how often, when first and last, and whether ever by break-glass.</summary>
internal sealed record AuditPersonAccessUserView(string UserId, string? Role, string? Division, int Accesses, DateTimeOffset First, DateTimeOffset Last, bool BreakGlass);
