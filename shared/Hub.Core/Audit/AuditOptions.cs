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

    /// <summary>
    /// When the audit checkpoint timer fires: an NCRONTAB expression with seconds, as the Functions timer trigger
    /// reads it (default every 15 minutes). Events after the last checkpoint are protected by the chain alone, so
    /// this is the longest stretch a wholesale rewrite of the table could go unanchored.
    /// </summary>
    public string CheckpointSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>
    /// The most distinct persons one user may touch in an hour before auditors are alerted, whatever their own
    /// habit (default 200).
    /// </summary>
    public int BulkAccessPerHour { get; set; } = 200;

    /// <summary>
    /// How many times a user's usual hour (the median of their active hours over <see cref="BulkAccessBaselineDays"/>)
    /// an hour must exceed to alert auditors (default 3).
    /// </summary>
    public double BulkAccessBaselineFactor { get; set; } = 3;

    /// <summary>The days before an hour that make a user's baseline (default 7).</summary>
    public int BulkAccessBaselineDays { get; set; } = 7;

    /// <summary>
    /// The fewest distinct persons in an hour that the baseline comparison considers (default 20): a worker who
    /// usually opens two records an hour and opens seven is not an alert.
    /// </summary>
    public int BulkAccessBaselineFloor { get; set; } = 20;

    /// <summary>
    /// The share of its time the person index's writer may keep storage busy while requests are being answered
    /// (default 0.25, between 0.05 and 1). The index is written after the answers; while new events keep arriving it
    /// writes small transactions and pauses after each for as long as the share asks (three times the transaction's
    /// own time at 0.25), so readers on the same storage do not queue behind it, and it writes full transactions at
    /// full speed once they stop. A search by
    /// person reads the chain beyond the index, so a lagging index costs searches time, never completeness.
    /// </summary>
    public double PersonIndexBusyShare { get; set; } = 0.25;
}
