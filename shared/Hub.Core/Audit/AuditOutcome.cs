namespace Hub.Core.Audit;

/// <summary>What came of an audited action.</summary>
public enum AuditOutcome
{
    /// <summary>The policy allowed the action and it was carried out.</summary>
    Allowed = 1,

    /// <summary>The policy refused the action (out of jurisdiction, missing role or purpose).</summary>
    Denied,

    /// <summary>The action was allowed but did not complete.</summary>
    Failed,
}
