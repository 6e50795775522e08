namespace Hub.Core.Audit;

/// <summary>An inclusion proof with the event it proves, as stored.</summary>
public sealed record AuditInclusion(AuditInclusionProof Proof, AuditRecord Event);
