namespace Hub.Core.Audit;

/// <summary>Why auditors are alerted.</summary>
public enum AuditAlertKind
{
    /// <summary>Someone took emergency access beyond the policy (break-glass); every use is reviewed.</summary>
    BreakGlass = 1,

    /// <summary>Someone was refused a person's data: out of their jurisdiction, or beyond their role.</summary>
    DeniedPersonAccess,

    /// <summary>Someone touched far more persons in an hour than they usually do, or more than the ceiling.</summary>
    BulkAccess,
}
