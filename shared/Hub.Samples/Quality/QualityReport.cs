namespace Hub.Samples.Quality;

/// <summary>
/// How matching did on a generated population, against its truth: precision of automatic links, the share of
/// known people found (linked or queued), and the steward queue per 10,000 records received.
/// </summary>
public sealed record QualityReport
{
    /// <summary>Target for <see cref="Precision"/>: at most one wrong automatic link in 200.</summary>
    public const double PrecisionTarget = 0.995;

    /// <summary>Target for <see cref="Recall"/>: at least 97 known people in 100 linked or put before a steward.</summary>
    public const double RecallTarget = 0.97;

    /// <summary>The options the population was generated from.</summary>
    public required QualityOptions Options { get; init; }

    /// <summary>Rows received in the four departments' feeds.</summary>
    public required int Records { get; init; }

    /// <summary>Rows with a valid ID, linked by it.</summary>
    public required int KeyedRecords { get; init; }

    /// <summary>Rows rejected: a problem other than the ID, or too little to match on (no name, or neither birth date nor division).</summary>
    public required int RejectedRecords { get; init; }

    /// <summary>All matching rows.</summary>
    public required QualityBreakdown Totals { get; init; }

    /// <summary>The same counts by source, by ID problem, by other mistake or stale value, for twins and for namesakes.</summary>
    public required IReadOnlyList<QualityBreakdown> Breakdown { get; init; }

    /// <summary>Empirical m and u of every comparison level among the candidates blocking found.</summary>
    public required IReadOnlyList<LevelObservation> Levels { get; init; }

    /// <summary>Share of automatic links that are right.</summary>
    public double Precision => Totals.Precision;

    /// <summary>Share of rows whose person the Hub knew that were linked to them or queued with them.</summary>
    public double Recall => Totals.Recall;

    /// <summary>Rows queued for a steward per 10,000 rows received.</summary>
    public double QueuePer10000Records => Records == 0 ? 0 : Totals.Queued * 10_000.0 / Records;

    /// <summary>True when both targets are met.</summary>
    public bool MeetsTargets => Precision >= PrecisionTarget && Recall >= RecallTarget;
}
