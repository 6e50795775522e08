namespace Hub.Core.Audit;

/// <summary>Why a proof was not made.</summary>
public enum AuditProofRefusalKind
{
    /// <summary>A parameter is malformed, or names something that cannot be proven (a checkpoint of another day, say).</summary>
    Invalid = 1,

    /// <summary>A parameter names an event or checkpoint that does not exist, or an event no checkpoint covers yet.</summary>
    NotFound,

    /// <summary>The stored events no longer have the shape the checkpoint states: events were removed or inserted.</summary>
    Mismatch,
}
