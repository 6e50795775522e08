namespace Hub.Core.Audit;

/// <summary>A proof, or why there is none.</summary>
public sealed record AuditProofResult<T>(T? Proof, AuditProofRefusal? Refusal)
    where T : class
{
    internal static AuditProofResult<T> Proven(T proof) => new(proof, null);

    internal static AuditProofResult<T> Refused(AuditProofRefusalKind kind, string parameter, string detail) => new(null, new AuditProofRefusal(kind, parameter, detail));
}
