namespace Hub.Samples.Quality;

/// <summary>The figures of one order of the feeds.</summary>
/// <param name="Order">The sources, in the order their feeds arrived.</param>
/// <param name="Totals">Every matching row.</param>
/// <param name="QueuePer10000Records">Rows queued for a steward per 10,000 rows received.</param>
public sealed record FeedOrderResult(IReadOnlyList<string> Order, QualityBreakdown Totals, double QueuePer10000Records)
{
    /// <summary>Share of automatic links that are right.</summary>
    public double Precision => Totals.Precision;

    /// <summary>Share of findable rows found.</summary>
    public double Recall => Totals.Recall;
}
