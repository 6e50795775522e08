using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>An inclusion proof with the event it proves, as stored, so a client can hash the event itself.</summary>
internal sealed record AuditInclusionProofView(AuditInclusionProof Proof, AuditEventView Event);
