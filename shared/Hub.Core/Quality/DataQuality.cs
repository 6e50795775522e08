using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Resolution;
using Hub.Core.Storage;

namespace Hub.Core.Quality;

/// <summary>
/// A department's data quality, read from what its batches recorded when they completed (one range query over the
/// source's batch partition) and the stewards' queue (one small partition): never a scan of the facts.
/// </summary>
public sealed class DataQuality(BatchStore batches, HubStorage storage, TimeProvider time)
{
    /// <summary>The most batches a trend reaches back over.</summary>
    public const int MaxTrend = 500;

    /// <summary>The department's figures, with its last <paramref name="trend"/> completed batches as the trend.</summary>
    public async Task<SourceQuality> ForSourceAsync(SourceMapping source, int trend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var completed = await CompletedAsync(source.Id, trend, cancellationToken).ConfigureAwait(false);
        var backlog = await BacklogAsync(cancellationToken).ConfigureAwait(false);
        return Of(source, completed, backlog.GetValueOrDefault(source.Id) ?? new ReviewBacklog(0, null));
    }

    /// <summary>Each of <paramref name="sources"/>' figures, reading the stewards' queue once for all of them.</summary>
    public async Task<IReadOnlyList<SourceQuality>> ForSourcesAsync(IEnumerable<SourceMapping> sources, int trend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var backlog = await BacklogAsync(cancellationToken).ConfigureAwait(false);
        var all = new List<SourceQuality>();
        foreach (var source in sources)
        {
            var completed = await CompletedAsync(source.Id, trend, cancellationToken).ConfigureAwait(false);
            all.Add(Of(source, completed, backlog.GetValueOrDefault(source.Id) ?? new ReviewBacklog(0, null)));
        }

        return all;
    }

    /// <summary>The figures of each of the source's last <paramref name="trend"/> completed batches, oldest first.</summary>
    public async Task<IReadOnlyList<QualityFigures>> FiguresAsync(SourceMapping source, int trend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var completed = await CompletedAsync(source.Id, trend, cancellationToken).ConfigureAwait(false);
        return [.. completed.Select(QualityCalculator.Figures)];
    }

    /// <summary>
    /// A batch's figures and how it moved the department's: against the department's previous completed batch. Null
    /// when the source has no such batch; a batch not completed has no figures yet (<see cref="BatchNotCompleted"/>).
    /// </summary>
    public async Task<(BatchQualityReport? Report, FeedBatch? Batch)> ForBatchAsync(SourceMapping source, string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var batch = await batches.GetAsync(source.Id, batchId, cancellationToken).ConfigureAwait(false);
        if (batch is null || batch.Status != BatchStatus.Completed)
        {
            return (null, batch);
        }

        var previous = (await CompletedAsync(source.Id, MaxTrend, cancellationToken).ConfigureAwait(false))
            .Where(b => string.CompareOrdinal(b.Id, batch.Id) < 0)
            .MaxBy(b => b.Id, StringComparer.Ordinal);
        var figures = QualityCalculator.Figures(batch);
        var before = previous is null ? null : QualityCalculator.Figures(previous);
        var waiting = await WaitingAsync(e => e.Source == source.Id && e.Batch == batch.Id, cancellationToken).ConfigureAwait(false);
        return (new BatchQualityReport(source.Id, figures, previous?.Id, QualityCalculator.Movements(before, figures), waiting.Count), batch);
    }

    /// <summary>True when <paramref name="batch"/> exists but has not completed, so it has no figures.</summary>
    public static bool BatchNotCompleted(FeedBatch? batch) => batch is not null && batch.Status != BatchStatus.Completed;

    private SourceQuality Of(SourceMapping source, IReadOnlyList<FeedBatch> completed, ReviewBacklog backlog)
    {
        var figures = completed.Select(QualityCalculator.Figures).ToList();
        return new SourceQuality(
            source.Id,
            source.DisplayName,
            source.Department,
            figures.Count == 0 ? null : figures[^1],
            QualityCalculator.Timeliness(completed, time.GetUtcNow()),
            backlog,
            [.. figures.Select(QualityCalculator.Point)]);
    }

    // The source's completed batches, oldest first, the last `trend` of them.
    private async Task<IReadOnlyList<FeedBatch>> CompletedAsync(string source, int trend, CancellationToken cancellationToken)
    {
        var all = await batches.ListAsync(source, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(b => b.Status == BatchStatus.Completed).Take(Math.Clamp(trend, 1, MaxTrend)).Reverse()];
    }

    private async Task<Dictionary<string, ReviewBacklog>> BacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = await WaitingAsync(_ => true, cancellationToken).ConfigureAwait(false);
        return waiting.GroupBy(e => e.Source, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new ReviewBacklog(g.Count(), Math.Round(Math.Max(0, (now - g.Min(e => e.QueuedAt)).TotalDays), 1)),
            StringComparer.Ordinal);
    }

    // The queue is one small partition by design; only the columns counted here are read.
    private async Task<List<QueueEntity>> WaitingAsync(Func<QueueEntity, bool> which, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey eq {QueueEntity.Partition}");
        var waiting = new List<QueueEntity>();
        await foreach (var entity in storage.ReviewsTable.QueryAsync<QueueEntity>(filter, select: [nameof(QueueEntity.Source), nameof(QueueEntity.Batch), nameof(QueueEntity.QueuedAt)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (which(entity))
            {
                waiting.Add(entity);
            }
        }

        return waiting;
    }
}
