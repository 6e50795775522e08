using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>Endpoint metadata: every request to the endpoint, allowed or refused, leaves one audit event of <paramref name="Action"/>.</summary>
/// <param name="Action">The action recorded.</param>
internal sealed record AuditedEndpoint(AuditAction Action);
