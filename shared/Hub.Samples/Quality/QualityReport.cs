namespace Hub.Samples.Quality;

/// <summary>
/// How matching did on a generated population, against its truth: precision of automatic links, the share of
/// findable rows found (linked or queued with their person once every feed is in), the steward queue per 10,000
/// records received, and, when every order of the feeds was run, how much recall depends on it.
/// </summary>
public sealed record QualityReport
{
    /// <summary>The options the population and feeds were made from.</summary>
    public required QualityOptions Options { get; init; }

    /// <summary>The sources in the order their feeds arrived.</summary>
    public required IReadOnlyList<string> Order { get; init; }

    /// <summary>What the preset must reach.</summary>
    public required QualityTargets Targets { get; init; }

    /// <summary>Rows received in the four departments' feeds.</summary>
    public required int Records { get; init; }

    /// <summary>Rows with a valid ID, linked by it.</summary>
    public required int KeyedRecords { get; init; }

    /// <summary>Rows rejected: a problem other than the ID, or too little to match on (no name, or neither birth date nor division).</summary>
    public required int RejectedRecords { get; init; }

    /// <summary>Rows refused as repeating an earlier row of their feed (the same person key and record key), as the Hub refuses them.</summary>
    public required int RepeatedRecords { get; init; }

    /// <summary>All matching rows.</summary>
    public required QualityBreakdown Totals { get; init; }

    /// <summary>The same counts by source, by ID problem, by other mistake or stale value, by corruption, for twins and for namesakes.</summary>
    public required IReadOnlyList<QualityBreakdown> Breakdown { get; init; }

    /// <summary>Every comparison level: the rules' m and u, the expectation–maximisation estimate's, and the observed ones.</summary>
    public required IReadOnlyList<LevelObservation> Levels { get; init; }

    /// <summary>The sessions the expectation–maximisation estimate in <see cref="Levels"/> was combined from.</summary>
    public required IReadOnlyList<LevelEstimateSession> EstimateSessions { get; init; }

    /// <summary>The figures of every order of the feeds, when <see cref="QualityOptions.AllOrders"/> asked for them; else empty.</summary>
    public IReadOnlyList<FeedOrderResult> Orders { get; init; } = [];

    /// <summary>Share of automatic links that are right.</summary>
    public double Precision => Totals.Precision;

    /// <summary>Share of findable rows found once every feed was in.</summary>
    public double Recall => Totals.Recall;

    /// <summary>Rows queued for a steward per 10,000 rows received.</summary>
    public double QueuePer10000Records => Per10000(Totals.Queued, Records);

    /// <summary>Best recall of any order less the worst; null when the orders were not run.</summary>
    public double? OrderSpread => Orders.Count == 0 ? null : Orders.Max(o => o.Recall) - Orders.Min(o => o.Recall);

    /// <summary>True when every target is met: precision, recall and the queue of this order, and the spread of recall over the orders when they were run.</summary>
    public bool MeetsTargets =>
        Precision >= Targets.Precision
        && Recall >= Targets.Recall
        && (Targets.QueuePer10000Records is not { } queue || QueuePer10000Records <= queue)
        && (OrderSpread is not { } spread || spread <= Targets.OrderSpread);

    /// <summary>Rows per 10,000 received.</summary>
    internal static double Per10000(int rows, int records) => records == 0 ? 0 : rows * 10_000.0 / records;
}
