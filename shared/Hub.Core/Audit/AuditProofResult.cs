namespace Hub.Core.Audit;

/// <summary>A proof, or why there is none.</summary>
internal sealed record AuditProofResult<T>(T? Proof, AuditProofRefusal? Refusal)
    where T : class
{
    public static AuditProofResult<T> Proven(T proof) => new(proof, null);

    public static AuditProofResult<T> Refused(AuditProofRefusalKind kind, string parameter, string detail) => new(null, new AuditProofRefusal(kind, parameter, detail));
}
