namespace Hub.Core.Quality;

/// <summary>How current a department's data is.</summary>
/// <param name="NewestBatchAt">When the department's latest completed batch was received; null before any.</param>
/// <param name="NewestDataAgeDays">Days since then.</param>
/// <param name="SnapshotAt">When its latest completed snapshot (its whole register) was received; null before any.</param>
/// <param name="SnapshotAgeDays">Days since then.</param>
/// <param name="MeanLagDays">The mean lag between a change's stated effective date and its arrival, over the batches on the trend.</param>
/// <param name="MaxLagDays">The longest such lag over those batches.</param>
public sealed record Timeliness(
    DateTimeOffset? NewestBatchAt,
    double? NewestDataAgeDays,
    DateTimeOffset? SnapshotAt,
    double? SnapshotAgeDays,
    double? MeanLagDays,
    long? MaxLagDays);
