using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>The audit actions of endpoints beyond the well-known <see cref="AuditAction"/> list.</summary>
internal static class AuditedActions
{
    /// <summary>A department read its batches or a rejects report (which names rows, not people, but follows their records).</summary>
    public static AuditAction FeedRead { get; } = AuditAction.Parse("feed.read");

    /// <summary>A department's data-quality figures were read or exported (counts and rates, no person).</summary>
    public static AuditAction QualityRead { get; } = AuditAction.Parse("quality.read");

    /// <summary>A department's feed client was given a write-only URL to upload a large feed to (the file is taken later, as a push).</summary>
    public static AuditAction FeedUpload { get; } = AuditAction.Parse("feed.upload");

    /// <summary>A department's officer or an administrator confirmed a held snapshot: it is applied in full.</summary>
    public static AuditAction FeedConfirm { get; } = AuditAction.Parse("feed.confirm");

    /// <summary>A department's officer or an administrator discarded a held snapshot: nothing of it is applied.</summary>
    public static AuditAction FeedDiscard { get; } = AuditAction.Parse("feed.discard");

    /// <summary>A steward read the possible-match queue: records and candidate profiles in full.</summary>
    public static AuditAction StewardQueue { get; } = AuditAction.Parse("steward.queue");

    /// <summary>A steward read the decision history of a key.</summary>
    public static AuditAction StewardHistory { get; } = AuditAction.Parse("steward.history");

    /// <summary>A user read worklist items of the cross-department checks (persons, names and evidence rendered by the policy).</summary>
    public static AuditAction WorklistRead { get; } = AuditAction.Parse("worklist.read");

    /// <summary>A user confirmed or dismissed a worklist item.</summary>
    public static AuditAction WorklistDecision { get; } = AuditAction.Parse("worklist.decision");

    /// <summary>An officer filed a resident's request to correct a value, for the department that owns it.</summary>
    public static AuditAction CorrectionRequest { get; } = AuditAction.Parse("correction.request");

    /// <summary>A department's officer read the correction requests routed to the department.</summary>
    public static AuditAction CorrectionRead { get; } = AuditAction.Parse("correction.read");

    /// <summary>A department's officer accepted or rejected a correction request.</summary>
    public static AuditAction CorrectionDecision { get; } = AuditAction.Parse("correction.decision");
}
