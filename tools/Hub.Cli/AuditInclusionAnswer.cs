using Hub.Core.Audit;

namespace Hub.Cli;

/// <summary>The Hub's answer to an inclusion proof request: the proof and the event it proves.</summary>
internal sealed record AuditInclusionAnswer(AuditInclusionProof Proof, AuditProvenEvent Event);
