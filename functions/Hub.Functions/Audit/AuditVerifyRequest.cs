namespace Hub.Functions.Audit;

/// <summary>The days to verify (UTC, inclusive); both are required.</summary>
internal sealed record AuditVerifyRequest(DateOnly? From, DateOnly? To);
