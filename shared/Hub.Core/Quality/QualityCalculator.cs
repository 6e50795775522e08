using Hub.Core.Feeds.Batches;

namespace Hub.Core.Quality;

/// <summary>Turns the counts recorded with batches into rates, shares, trends and movements. Pure: no storage, no clock.</summary>
public static class QualityCalculator
{
    /// <summary>The figures of a completed batch.</summary>
    public static QualityFigures Figures(FeedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var counts = batch.Counts;
        var accepted = batch.Quality?.Accepted ?? Math.Max(0, counts.Received - counts.Rejected);
        var figures = new QualityFigures
        {
            BatchId = batch.Id,
            Mode = batch.Mode,
            ReceivedAt = batch.ReceivedAt,
            Recorded = batch.Quality is not null,
            Received = counts.Received,
            Accepted = accepted,
            Rejected = counts.Rejected,
            RejectionRate = Ratio(counts.Rejected, counts.Received),
            KeptWithoutId = counts.Unidentified,
            KeptWithoutIdShare = Ratio(counts.Unidentified, accepted),
        };
        if (batch.Quality is not { } quality)
        {
            return figures;
        }

        var completeness = quality.Completeness.Select(c => new CompletenessFigure(c.Attribute, c.Rows, Ratio(c.Rows, accepted))).ToList();
        var disagreements = quality.Agreements
            .GroupBy(a => a.Attribute, StringComparer.Ordinal)
            .Select(g => new DisagreementFigure(
                g.Key,
                g.Sum(a => a.Compared),
                g.Sum(a => a.Differing),
                Ratio(g.Sum(a => a.Differing), g.Sum(a => a.Compared)),
                [.. g.Select(a => new DepartmentDisagreement(a.OtherSource, a.Compared, a.Differing, Ratio(a.Differing, a.Compared)))]))
            .ToList();
        var compared = disagreements.Sum(d => d.Compared);
        return figures with
        {
            Rejections = [.. quality.Rejections.Select(r => new ReasonFigure(r.Field, r.Reason, r.Rows, Ratio(r.Rows, counts.Received)))],
            Completeness = completeness,
            MeanCompleteness = completeness.Count == 0 || accepted == 0 ? null : Round(completeness.Average(c => c.Share)),
            Disagreements = disagreements,
            DisagreementRate = compared == 0 ? null : Ratio(disagreements.Sum(d => d.Differing), compared),
            Lag = quality.Lag,
        };
    }

    /// <summary>A batch's headline figures for a trend.</summary>
    public static QualityPoint Point(QualityFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new QualityPoint(
            figures.BatchId, figures.Mode, figures.ReceivedAt, figures.Received, figures.RejectionRate, figures.KeptWithoutIdShare,
            figures.MeanCompleteness, figures.DisagreementRate, figures.Lag?.MeanDays is { } mean ? Round(mean) : null);
    }

    /// <summary>
    /// How current a department's data is at <paramref name="now"/>, from its completed batches (any order): the newest
    /// batch, the newest snapshot, and the arrival lag of the changes the batches carried.
    /// </summary>
    public static Timeliness Timeliness(IReadOnlyList<FeedBatch> completed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(completed);
        var newest = completed.MaxBy(b => b.ReceivedAt);
        var snapshot = completed.Where(b => b.Mode == FeedMode.Snapshot).MaxBy(b => b.ReceivedAt);
        var lags = completed.Select(b => b.Quality?.Lag).OfType<ArrivalLag>().Where(l => l.Changes > 0).ToList();
        var changes = lags.Sum(l => l.Changes);
        return new Timeliness(
            newest?.ReceivedAt,
            newest is null ? null : Days(now - newest.ReceivedAt),
            snapshot?.ReceivedAt,
            snapshot is null ? null : Days(now - snapshot.ReceivedAt),
            changes == 0 ? null : Round((double)lags.Sum(l => l.TotalDays) / changes),
            lags.Count == 0 ? null : lags.Max(l => l.MaxDays));
    }

    /// <summary>How each figure moved from <paramref name="before"/> (the department's previous batch, if any) to <paramref name="after"/>.</summary>
    public static IReadOnlyList<QualityMovement> Movements(QualityFigures? before, QualityFigures after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var movements = new List<QualityMovement>
        {
            Move("rejectionRate", null, before?.RejectionRate, after.RejectionRate),
            Move("keptWithoutIdShare", null, before?.KeptWithoutIdShare, after.KeptWithoutIdShare),
            Move("meanCompleteness", null, before?.MeanCompleteness, after.MeanCompleteness),
            Move("disagreementRate", null, before?.DisagreementRate, after.DisagreementRate),
            Move("meanLagDays", null, before?.Lag?.MeanDays, after.Lag?.MeanDays),
        };
        var attributes = after.Completeness.Select(c => c.Attribute).Union(before?.Completeness.Select(c => c.Attribute) ?? [], StringComparer.Ordinal);
        movements.AddRange(attributes.Order(StringComparer.Ordinal).Select(a => Move(
            "completeness", a, before?.Completeness.FirstOrDefault(c => c.Attribute == a)?.Share, after.Completeness.FirstOrDefault(c => c.Attribute == a)?.Share)));
        var compared = after.Disagreements.Select(d => d.Attribute).Union(before?.Disagreements.Select(d => d.Attribute) ?? [], StringComparer.Ordinal);
        movements.AddRange(compared.Order(StringComparer.Ordinal).Select(a => Move(
            "disagreement", a, before?.Disagreements.FirstOrDefault(d => d.Attribute == a)?.Rate, after.Disagreements.FirstOrDefault(d => d.Attribute == a)?.Rate)));
        return movements;
    }

    /// <summary><paramref name="part"/> over <paramref name="whole"/>, to four decimals; 0 when the whole is 0.</summary>
    public static double Ratio(long part, long whole) => whole <= 0 ? 0 : Round((double)part / whole);

    private static QualityMovement Move(string figure, string? subject, double? before, double? after) =>
        new(figure, subject, before is { } b ? Round(b) : null, after is { } a ? Round(a) : null, before is { } x && after is { } y ? Round(y - x) : null);

    private static double Days(TimeSpan age) => Math.Round(Math.Max(0, age.TotalDays), 1);

    private static double Round(double value) => Math.Round(value, 4);
}
