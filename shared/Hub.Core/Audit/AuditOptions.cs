namespace Hub.Core.Audit;

/// <summary>How the audit trail is kept and checkpointed.</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section: <c>Hub:Audit</c>.</summary>
    public const string SectionName = "Hub:Audit";

    /// <summary>The shortest retention the Hub accepts: PIPL keeps processing records at least three years.</summary>
    public const int MinimumRetentionYears = 3;

    /// <summary>
    /// Years audit events and checkpoints are kept (default 3, at least 3). Nothing in the Hub deletes an audit
    /// event; this is the period the storage's WORM retention (infra <c>auditRetentionDays</c>) must cover, and the
    /// period after which an operator may archive old day partitions.
    /// </summary>
    public int RetentionYears { get; set; } = MinimumRetentionYears;

    /// <summary>
    /// The most events one checkpoint covers (default 10,000). A checkpoint never spans two days, and writing
    /// checkpoints "up to now" also covers the events of the day so far.
    /// </summary>
    public int CheckpointEvery { get; set; } = 10_000;
}
