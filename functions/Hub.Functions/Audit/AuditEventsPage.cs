namespace Hub.Functions.Audit;

/// <summary>A page of audit events; pass <see cref="Continuation"/> back as <c>continuation</c> for the next.</summary>
internal sealed record AuditEventsPage(IReadOnlyList<AuditEventView> Events, string? Continuation);
