namespace Hub.Samples.Quality;

/// <summary>What person matching must reach on a preset for <c>hub quality</c> to pass.</summary>
/// <param name="Precision">Least share of automatic links that are right.</param>
/// <param name="Recall">Least share of findable rows found.</param>
/// <param name="QueuePer10000Records">Most rows queued for a steward per 10,000 received; null when the preset sets none.</param>
/// <param name="OrderSpread">Most difference in recall between the best and the worst order of the feeds, when every order is run.</param>
public sealed record QualityTargets(double Precision, double Recall, double? QueuePer10000Records, double OrderSpread)
{
    /// <summary>
    /// The standard preset: at most one wrong automatic link in 200, at least 97 findable rows in 100 found, at most
    /// 30 rows in 10,000 before a steward, and the same recall within half a point whatever the order of the feeds.
    /// </summary>
    public static QualityTargets Standard { get; } = new(0.995, 0.97, 30, 0.005);

    /// <summary>
    /// The hard preset: the same precision and order spread, and at least 95 findable rows in 100 found, also without
    /// IDs and sex; the queue is reported, not held to a target, since corrupted rows are what stewards are for.
    /// </summary>
    public static QualityTargets Hard { get; } = new(0.995, 0.95, null, 0.005);

    /// <summary>The targets of <paramref name="preset"/>.</summary>
    public static QualityTargets Of(QualityPresetName preset) => preset == QualityPresetName.Hard ? Hard : Standard;
}
