namespace Hub.Functions.Audit;

/// <summary>The days to verify (UTC, inclusive).</summary>
internal sealed record AuditVerifyRequest(DateOnly From, DateOnly To);
