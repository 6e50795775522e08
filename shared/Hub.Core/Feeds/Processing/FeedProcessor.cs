using System.Diagnostics;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Processes one feed batch in three phases. <see cref="RecordSpiller"/> reads the payload (parse → validate →
/// normalise → key) and spills the accepted records to local files grouped by fact partition, so memory stays bounded
/// whatever the feed's size. <see cref="GroupMerger"/> then merges one group at a time into the fact table and the
/// resident index, and the batch records its progress after each, so an interrupted batch resumes where it stopped.
/// Last, <see cref="BatchResolver"/> matches the records kept without an ID and rebuilds the linked persons touched.
/// A snapshot nobody confirmed is first planned whole without writing, and held when it would end-date too much.
/// </summary>
public sealed partial class FeedProcessor
{
    /// <summary>The report's outcome for a row that was not accepted.</summary>
    public const string Rejected = "rejected";

    /// <summary>The report's outcome for a row kept without a usable ID number, to be matched by its other fields.</summary>
    public const string KeptForMatching = "kept for matching";

    /// <summary>Row report outcome of an invalid optional value left out of a record that was kept.</summary>
    public const string ValueDropped = "value dropped";

    /// <summary>Row report outcome of an invalid value stored as the department sent it, as its field asks.</summary>
    public const string KeptAsSent = "kept as sent";

    /// <summary>The fewest merge groups a batch is split into.</summary>
    public const int MinGroupCount = 16;

    /// <summary>The most merge groups: four fact partitions each.</summary>
    public const int MaxGroupCount = 256;

    /// <summary>About this much payload goes into one merge group, so the records merged at once stay a few tens of MB.</summary>
    private const long PayloadBytesPerGroup = 4L * 1024 * 1024;

    private readonly BatchStore _batches;
    private readonly SourceCatalog _sources;
    private readonly RecordSpiller _spiller;
    private readonly GroupMerger _merger;
    private readonly BatchResolver _resolver;
    private readonly BatchChanges _events;
    private readonly StorageOperationCounter _operations;
    private readonly TimeProvider _time;
    private readonly FeedProcessingOptions _options;
    private readonly ILogger<FeedProcessor> _logger;

    internal FeedProcessor(BatchStore batches, SourceCatalog sources, RecordSpiller spiller, GroupMerger merger, BatchResolver resolver, BatchChanges events, StorageOperationCounter operations, TimeProvider time, IOptions<FeedProcessingOptions> options, ILogger<FeedProcessor> logger)
    {
        _batches = batches;
        _sources = sources;
        _spiller = spiller;
        _merger = merger;
        _resolver = resolver;
        _events = events;
        _operations = operations;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Processes the batch a queue message names. Returns normally when the batch is completed, failed for a
    /// reason retrying cannot fix, or already finished; throws when a retry may succeed (the trigger retries).
    /// </summary>
    public async Task ProcessAsync(FeedBatchMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var batch = await _batches.GetAsync(message.Source, message.BatchId, cancellationToken).ConfigureAwait(false);
        if (batch is null)
        {
            LogUnknownBatch(_logger, message.Source, message.BatchId);
            return;
        }

        if (batch.IsSettled)
        {
            LogAlreadyFinished(_logger, batch.Id, batch.Status);
            return;
        }

        if (!_sources.TryGet(batch.Source, out var mapping))
        {
            await FailAsync(batch, $"source '{batch.Source}' is no longer configured", cancellationToken).ConfigureAwait(false);
            return;
        }

        using var activity = HubTelemetry.ActivitySource.StartActivity("ProcessFeedBatch");
        activity?.SetTag("hub.batch.id", batch.Id);
        activity?.SetTag("hub.source", batch.Source);
        batch = batch with
        {
            Status = BatchStatus.Processing,
            StartedAt = _time.GetUtcNow(),
            Attempts = batch.Attempts + 1,

            // Fixed on the first attempt: a resumed batch must split its records exactly as before.
            GroupCount = batch.GroupsDone > 0 ? batch.GroupCount : GroupCountFor(batch.PayloadBytes),
        };
        await _batches.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        LogStarted(_logger, batch.Id, batch.Source, batch.Attempts, batch.GroupsDone);

        try
        {
            await RunAsync(batch, mapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var latest = await _batches.GetAsync(batch.Source, batch.Id, cancellationToken).ConfigureAwait(false) ?? batch;
            await _batches.SaveAsync(latest with { LastError = Describe(ex) }, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Marks a batch failed after its message exhausted every attempt (it went to the poison queue).</summary>
    public async Task MarkPoisonedAsync(FeedBatchMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var batch = await _batches.GetAsync(message.Source, message.BatchId, cancellationToken).ConfigureAwait(false);
        if (batch is null || batch.IsSettled)
        {
            return;
        }

        var reason = $"processing failed on every attempt ({batch.Attempts}); last error: {batch.LastError ?? "unknown"}";
        await FailAsync(batch, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(FeedBatch batch, SourceMapping mapping, CancellationToken cancellationToken)
    {
        using var folder = BatchWorkFolder.Create(_options.WorkFolder, batch.Id, _options.SpillBudgetBytes);
        SpillResult spill;
        var quality = new BatchQualityTally(batch, mapping);
        try
        {
            spill = await _spiller.SpillAsync(batch, mapping, folder, quality, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FeedFormatException or SpillBudgetExceededException)
        {
            await FailAsync(batch, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var readCounts = new BatchCounts { Received = spill.Received, Rejected = spill.RejectedRows, Unidentified = spill.Unidentified };
        var merged = batch.Counts with { Received = 0, Rejected = 0, Unidentified = 0 };
        batch = batch with { Counts = merged + readCounts, FirstRejections = spill.FirstRejections, IgnoredColumns = spill.IgnoredColumns, LikelyCauses = spill.LikelyCauses };
        if (await HoldsAsync(batch, spill, folder, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        // A delta larger than what its source already holds brings mostly persons the Hub does not know, whom a point
        // read would not find: its partitions are read whole.
        var readPersons = batch.Mode == FeedMode.Delta
            && await _batches.InsertedAsync(batch.Source, cancellationToken).ConfigureAwait(false) >= spill.Received - spill.RejectedRows;
        var work = _resolver.NewWork();
        var clock = Stopwatch.StartNew();
        var operationsAtStart = _operations.Count;
        for (var group = 0; group < batch.GroupCount; group++)
        {
            // A group an earlier attempt finished is planned again without writing, only to learn what it left for
            // the resolution below.
            var done = group < batch.GroupsDone;
            var groupCounts = await _merger.MergeAsync(batch, group, folder, work, write: !done, quality, readPersons, cancellationToken).ConfigureAwait(false);
            if (!done)
            {
                merged += groupCounts;
                batch = batch with { GroupsDone = group + 1, Counts = merged + readCounts };
                await _batches.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        var merging = clock.Elapsed;
        var operationsMerging = _operations.Count - operationsAtStart;
        var (matching, rebuilding) = await _resolver.ResolveAsync(batch.Id, work, cancellationToken).ConfigureAwait(false);
        await _events.StageLinksAsync(batch.Source, batch.Id, work.Linked, cancellationToken).ConfigureAwait(false);
        var operationsResolving = _operations.Count - operationsAtStart - operationsMerging;
        LogResolved(_logger, batch.Id, merging.TotalSeconds, operationsMerging, work.ToMatch.Count, matching.TotalSeconds, work.Goldens.Count, rebuilding.TotalSeconds, operationsResolving);

        // Published before the batch is marked completed: a batch that stops in between publishes again on its retry,
        // which finds its events published and adds nothing.
        await _events.PublishAsync(batch.Id, cancellationToken).ConfigureAwait(false);
        batch = batch with { Status = BatchStatus.Completed, FinishedAt = _time.GetUtcNow(), LastError = null, Quality = quality.ToQuality() };
        await _batches.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        var counts = batch.Counts;
        RecordMetrics(batch);
        LogCompleted(_logger, batch.Id, batch.Source, counts.Received, counts.Inserted, counts.Updated, counts.Unchanged, counts.Rejected, counts.EndDated);
    }

    /// <summary>
    /// For a snapshot nobody has confirmed yet, plans the whole merge without writing and holds the batch when
    /// <see cref="SnapshotGuard"/> says so: then nothing of it is applied. This costs a snapshot one more read of the
    /// partitions it merges (a snapshot reads them all), and a delta nothing.
    /// </summary>
    private async Task<bool> HoldsAsync(FeedBatch batch, SpillResult spill, BatchWorkFolder folder, CancellationToken cancellationToken)
    {
        if (batch.Mode != FeedMode.Snapshot || batch.Decision is not null || batch.GroupsDone > 0)
        {
            return false;
        }

        var planned = new BatchCounts();
        for (var group = 0; group < batch.GroupCount; group++)
        {
            planned += await _merger.MergeAsync(batch, group, folder, new ResolutionWork(), write: false, quality: null, readPersons: false, cancellationToken).ConfigureAwait(false);
        }

        var hold = SnapshotGuard.Check(spill.Received, spill.Received - spill.RejectedRows, planned, _options.SnapshotEndDateShare, _time.GetUtcNow());
        if (hold is null)
        {
            return false;
        }

        batch = batch with { Status = BatchStatus.Held, Hold = hold, LastError = null };
        await _batches.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        RecordMetrics(batch);
        LogHeld(_logger, batch.Id, batch.Source, hold.WouldEndDate, hold.CurrentRecords, spill.Received - spill.RejectedRows);
        return true;
    }

    private static void RecordMetrics(FeedBatch batch)
    {
        var source = new KeyValuePair<string, object?>("hub.source", batch.Source);
        HubTelemetry.FeedBatches.Add(1, source, new("hub.batch.status", batch.Status.ToString().ToLowerInvariant()));
        foreach (var (outcome, count) in new[] { ("inserted", batch.Counts.Inserted), ("updated", batch.Counts.Updated), ("unchanged", batch.Counts.Unchanged), ("rejected", batch.Counts.Rejected), ("ended", batch.Counts.EndDated) })
        {
            HubTelemetry.FeedRecords.Add(count, source, new("hub.record.outcome", outcome));
        }
    }

    private async Task FailAsync(FeedBatch batch, string reason, CancellationToken cancellationToken)
    {
        RecordMetrics(batch with { Status = BatchStatus.Failed });
        await _batches.SaveAsync(batch with { Status = BatchStatus.Failed, FailureReason = reason, FinishedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        LogFailed(_logger, batch.Id, batch.Source, reason);
    }

    /// <summary>
    /// How many merge groups a payload is split into: a power of two from 16 to 256, so that one group holds about
    /// 4 MiB of feed. Memory for merging then stays flat however large the feed.
    /// </summary>
    public static int GroupCountFor(long payloadBytes)
    {
        var groups = MinGroupCount;
        while (groups < MaxGroupCount && payloadBytes / groups > PayloadBytesPerGroup)
        {
            groups *= 2;
        }

        return groups;
    }

    /// <summary>The blob name of a batch's full rejection report.</summary>
    public static string RejectsBlobName(string source, string batchId) => $"{source}/{batchId}.csv";

    private static string Describe(Exception ex) => ex switch
    {
        PartitionContendedException contended => $"fact partition {contended.PartitionKey} changed under each of {contended.Attempts} attempts to merge it",
        _ when StorageFailures.Describe(ex) is { } storage => storage,
        _ => ex.GetType().Name,
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Batch {BatchId} of {Source}: attempt {Attempt} started, {GroupsDone} merge groups already done")]
    private static partial void LogStarted(ILogger logger, string batchId, string source, int attempt, int groupsDone);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Batch {BatchId} of {Source} completed: received {Received}, inserted {Inserted}, updated {Updated}, unchanged {Unchanged}, rejected {Rejected}, end-dated {EndDated}")]
    private static partial void LogCompleted(ILogger logger, string batchId, string source, long received, long inserted, long updated, long unchanged, long rejected, long endDated);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Batch {BatchId} of {Source} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string batchId, string source, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Batch {BatchId} is already {Status}; nothing to do")]
    private static partial void LogAlreadyFinished(ILogger logger, string batchId, BatchStatus status);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Batch {BatchId}: merged in {MergeSeconds:F1} s ({MergeOperations} storage operations); matched {Matched} records without an ID in {MatchSeconds:F1} s and rebuilt {Goldens} linked persons in {RebuildSeconds:F1} s ({ResolveOperations} storage operations; the Hub's count while they ran)")]
    private static partial void LogResolved(ILogger logger, string batchId, double mergeSeconds, long mergeOperations, int matched, double matchSeconds, int goldens, double rebuildSeconds, long resolveOperations);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Snapshot batch {BatchId} of {Source} held for a person to confirm: it would end-date {WouldEndDate} of {CurrentRecords} current records with {Accepted} accepted rows")]
    private static partial void LogHeld(ILogger logger, string batchId, string source, long wouldEndDate, long currentRecords, long accepted);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "No batch {BatchId} of {Source}; the message is dropped")]
    private static partial void LogUnknownBatch(ILogger logger, string source, string batchId);
}
