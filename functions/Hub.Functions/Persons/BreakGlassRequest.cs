namespace Hub.Functions.Persons;

/// <summary>The body of a break-glass request: the emergency, in the user's words; kept in the audit trail.</summary>
/// <param name="Reason">Why access beyond the policy is needed now, e.g. a case or incident number and what happened.</param>
internal sealed record BreakGlassRequest(string? Reason);
