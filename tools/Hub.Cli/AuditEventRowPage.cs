namespace Hub.Cli;

/// <summary>A page of the Hub's audit event search.</summary>
internal sealed record AuditEventRowPage(IReadOnlyList<AuditEventRow> Events, string? Continuation);
