namespace Hub.Core.Audit;

/// <summary>A proof the prover would not make, naming the request parameter at fault.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Parameter">The query parameter at fault: <c>sequence</c>, <c>checkpoint</c>, <c>from</c> or <c>to</c>.</param>
/// <param name="Detail">An explanation for the auditor; it never quotes event content.</param>
public sealed record AuditProofRefusal(AuditProofRefusalKind Kind, string Parameter, string Detail);
