using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Processes one feed batch: parse → validate → normalise → key → merge. Reading spills accepted records to
/// local files grouped by fact partition, so memory stays bounded whatever the feed's size; merging then takes
/// one group at a time and records its progress, so an interrupted batch resumes where it stopped.
/// </summary>
public sealed partial class FeedProcessor
{
    /// <summary>The report's outcome for a row that was not accepted.</summary>
    public const string Rejected = "rejected";

    /// <summary>The report's outcome for a row kept without a usable ID number, to be matched by its other fields.</summary>
    public const string KeptForMatching = "kept for matching";

    /// <summary>The fewest merge groups a batch is split into.</summary>
    public const int MinGroupCount = 16;

    /// <summary>The most merge groups: four fact partitions each.</summary>
    public const int MaxGroupCount = 256;

    /// <summary>About this much payload goes into one merge group, so the records merged at once stay a few tens of MB.</summary>
    private const long PayloadBytesPerGroup = 4L * 1024 * 1024;

    private const int MaxConflictRetries = 5;

    private readonly HubStorage _storage;
    private readonly BatchStore _batches;
    private readonly FactStore _facts;
    private readonly PersonResolver _resolver;
    private readonly ResidentIndex _residents;
    private readonly SourceCatalog _sources;
    private readonly PersonKeyHasher _hasher;
    private readonly TimeProvider _time;
    private readonly FeedProcessingOptions _options;
    private readonly ILogger<FeedProcessor> _logger;

    internal FeedProcessor(HubStorage storage, BatchStore batches, FactStore facts, PersonResolver resolver, ResidentIndex residents, SourceCatalog sources, PersonKeyHasher hasher, TimeProvider time, IOptions<FeedProcessingOptions> options, ILogger<FeedProcessor> logger)
    {
        _storage = storage;
        _batches = batches;
        _facts = facts;
        _resolver = resolver;
        _residents = residents;
        _sources = sources;
        _hasher = hasher;
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
        using var folder = BatchWorkFolder.Create(_options.WorkFolder, batch.Id);
        SpillResult spill;
        try
        {
            spill = await SpillAsync(batch, mapping, folder, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedFormatException ex)
        {
            await FailAsync(batch, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var readCounts = new BatchCounts { Received = spill.Received, Rejected = spill.RejectedRows, Unidentified = spill.Unidentified };
        var merged = batch.Counts with { Received = 0, Rejected = 0, Unidentified = 0 };
        batch = batch with { Counts = merged + readCounts, FirstRejections = spill.FirstRejections, IgnoredColumns = spill.IgnoredColumns };
        if (await HoldsAsync(batch, spill, folder, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var work = new ResolutionWork();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var group = 0; group < batch.GroupCount; group++)
        {
            // A group an earlier attempt finished is planned again without writing, only to learn what it left for
            // the resolution stage below.
            var done = group < batch.GroupsDone;
            var groupCounts = await MergeGroupAsync(batch, group, work, write: !done, work: folder, cancellationToken).ConfigureAwait(false);
            if (!done)
            {
                merged += groupCounts;
                batch = batch with { GroupsDone = group + 1, Counts = merged + readCounts };
                await _batches.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        var merging = clock.Elapsed;
        var matched = new ResidentChanges();
        await _resolver.MatchAsync(batch.Id, work, matched, _options.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        await _residents.ApplyAsync(matched, _options.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        var matching = clock.Elapsed - merging;
        await _resolver.RebuildAsync(work.Goldens, _options.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        LogResolved(_logger, batch.Id, merging.TotalSeconds, work.ToMatch.Count, matching.TotalSeconds, work.Goldens.Count, (clock.Elapsed - merging - matching).TotalSeconds);

        batch = batch with { Status = BatchStatus.Completed, FinishedAt = _time.GetUtcNow(), LastError = null };
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
            planned += await MergeGroupAsync(batch, group, new ResolutionWork(), write: false, folder, cancellationToken).ConfigureAwait(false);
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

    private async Task<SpillResult> SpillAsync(FeedBatch batch, SourceMapping mapping, BatchWorkFolder work, CancellationToken cancellationToken)
    {
        if (!FeedContentType.TryParse(batch.ContentType, out var contentType))
        {
            throw new FeedFormatException(0, $"stored content type '{batch.ContentType}' is not a feed format");
        }

        var blob = _storage.FeedArchive.GetBlobClient(FeedIntake.PayloadBlobName(batch.Source, batch.Id));
        Stream payload;
        if (contentType.Format == FeedFormat.Xlsx)
        {
            // A workbook is a zip archive and needs a seekable file.
            var path = work.File("payload.xlsx");
            await blob.DownloadToAsync(path, cancellationToken).ConfigureAwait(false);
            payload = File.OpenRead(path);
        }
        else
        {
            payload = await blob.OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await using var payloadScope = payload.ConfigureAwait(false);
        // Births are checked against the day the batch was received, not the day it is processed: a retried or
        // replayed batch gives the same answers.
        var validator = new FeedRecordValidator(mapping, contentType.Format, _hasher, ChinaStandardTime.DateOf(batch.ReceivedAt));
        var groups = new StreamWriter[batch.GroupCount];
        var partitionsPerGroup = PersonKey.PartitionCount / batch.GroupCount;
        for (var g = 0; g < batch.GroupCount; g++)
        {
            groups[g] = new StreamWriter(work.File($"group-{g:D2}.tsv"), append: false, Encoding.UTF8);
        }

        try
        {
            await using var rejectsFile = File.Create(work.File("rejects.csv"));
            var rejects = new SpreadsheetSafeCsv(rejectsFile);
            await using (rejects.ConfigureAwait(false))
            {
                await rejects.WriteRowAsync("row", "field", "reason", "outcome").ConfigureAwait(false);
                var firstRejections = new List<Rejection>();
                long received = 0, rejectedRows = 0, unidentified = 0;
                await foreach (var row in FeedReader.ReadAsync(payload, contentType, mapping.Encoding, validator.CheckHeader, cancellationToken).ConfigureAwait(false))
                {
                    received++;
                    if (validator.TryAccept(row, out var record, out var personKey, out var problems))
                    {
                        var key = personKey.Value;
                        if (record.IdProblem is { } idProblem)
                        {
                            unidentified++;
                            await rejects.WriteRowAsync(idProblem.Row.ToString(CultureInfo.InvariantCulture), idProblem.Field, idProblem.Reason, KeptForMatching).ConfigureAwait(false);
                        }

                        var rowKey = FactEntity.RowKeyFor(mapping.Id, key.Value, record.Discriminator);
                        var line = string.Join(
                            '\t',
                            key.Partition.ToString(CultureInfo.InvariantCulture),
                            row.Number.ToString(CultureInfo.InvariantCulture),
                            key.Value,
                            rowKey,
                            record.IsIdentified ? "1" : "0",
                            JsonSerializer.Serialize(record.Attributes, StorageJson.Options));
                        await groups[key.Partition / partitionsPerGroup].WriteLineAsync(line).ConfigureAwait(false);
                        continue;
                    }

                    rejectedRows++;
                    foreach (var problem in problems)
                    {
                        if (firstRejections.Count < _options.FirstRejectionsShown)
                        {
                            firstRejections.Add(problem);
                        }

                        await rejects.WriteRowAsync(problem.Row.ToString(CultureInfo.InvariantCulture), problem.Field, problem.Reason, Rejected).ConfigureAwait(false);
                    }
                }

                await rejects.DisposeAsync().ConfigureAwait(false);
                rejectsFile.Position = 0;
                await _storage.Rejects.GetBlobClient(RejectsBlobName(batch.Source, batch.Id))
                    .UploadAsync(rejectsFile, overwrite: true, cancellationToken).ConfigureAwait(false);
                return new SpillResult(received, rejectedRows, unidentified, firstRejections, validator.IgnoredColumns);
            }
        }
        finally
        {
            foreach (var writer in groups)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<BatchCounts> MergeGroupAsync(FeedBatch batch, int group, ResolutionWork pending, bool write, BatchWorkFolder work, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<int, List<IncomingFact>>();
        if (batch.Mode == FeedMode.Snapshot)
        {
            // A snapshot end-dates what it no longer holds, so every partition of the group is visited.
            var partitionsPerGroup = PersonKey.PartitionCount / batch.GroupCount;
            for (var p = group * partitionsPerGroup; p < (group + 1) * partitionsPerGroup; p++)
            {
                byPartition[p] = [];
            }
        }

        using (var reader = new StreamReader(work.File($"group-{group:D2}.tsv"), Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var parts = line.Split('\t', 6);
                var partition = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(parts[5])!;
                if (!byPartition.TryGetValue(partition, out var list))
                {
                    byPartition[partition] = list = [];
                }

                list.Add(new IncomingFact(long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3], parts[4] == "1", attributes));
            }
        }

        // Plan every partition, write the resident index for the whole group (full transactions per street), then
        // the facts. A partition whose facts changed under us is planned and written again on its own.
        var snapshot = batch.Mode == FeedMode.Snapshot;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MergeConcurrency, CancellationToken = cancellationToken };
        var plans = new System.Collections.Concurrent.ConcurrentBag<PartitionPlan>();
        await Parallel.ForEachAsync(ReadRanges(byPartition.Keys, _options.MergeConcurrency), parallel, async (range, token) =>
        {
            var rows = await _facts.ReadPartitionsAsync(PersonKey.FormatPartition(range.First), PersonKey.FormatPartition(range.Last), token).ConfigureAwait(false);
            foreach (var partition in byPartition.Keys.Where(p => p >= range.First && p <= range.Last))
            {
                var partitionKey = PersonKey.FormatPartition(partition);
                plans.Add(_facts.Plan(partitionKey, rows.GetValueOrDefault(partitionKey) ?? [], batch.Source, batch.Id, byPartition[partition], snapshot));
            }
        }).ConfigureAwait(false);

        var incomingByPartition = byPartition.ToDictionary(e => PersonKey.FormatPartition(e.Key), e => e.Value, StringComparer.Ordinal);
        var changes = new ResidentChanges();
        foreach (var change in plans.SelectMany(p => p.Changed))
        {
            _resolver.Classify(change, changes, pending);
        }

        if (!write)
        {
            return plans.Aggregate(new BatchCounts(), (total, plan) => total + plan.Counts);
        }

        await _residents.ApplyAsync(changes, _options.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        var total = new BatchCounts();
        var gate = new Lock();
        await Parallel.ForEachAsync(plans, parallel, async (plan, token) =>
        {
            var committed = await CommitAsync(batch, plan, incomingByPartition[plan.PartitionKey], changes, pending, token).ConfigureAwait(false);
            lock (gate)
            {
                total += committed.Counts;
            }
        }).ConfigureAwait(false);
        return total;
    }

    /// <summary>
    /// Splits a group's partitions into about <paramref name="ranges"/> runs, each read with one range query. A run is
    /// only as wide as the partitions in it are dense: a sparse one (a small delta touching a few partitions here and
    /// there) is read partition by partition, so no query reads partitions the batch does not touch.
    /// </summary>
    internal static IEnumerable<(int First, int Last)> ReadRanges(IEnumerable<int> partitions, int ranges)
    {
        var sorted = partitions.Order().ToArray();
        foreach (var run in sorted.Chunk(Math.Max(1, (sorted.Length + ranges - 1) / Math.Max(1, ranges))))
        {
            if (run.Length * 2 >= run[^1] - run[0] + 1)
            {
                yield return (run[0], run[^1]);
                continue;
            }

            foreach (var partition in run)
            {
                yield return (partition, partition);
            }
        }
    }

    /// <summary>Writes a partition's facts; when another writer got there first, plans the partition again and retries.</summary>
    private async Task<PartitionPlan> CommitAsync(FeedBatch batch, PartitionPlan plan, IReadOnlyList<IncomingFact> incoming, ResidentChanges written, ResolutionWork pending, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _facts.CommitAsync(plan, cancellationToken).ConfigureAwait(false);
                return plan;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                LogConflict(_logger, plan.PartitionKey, batch.Id, attempt);
                plan = await _facts.PlanAsync(plan.PartitionKey, batch.Source, batch.Id, incoming, batch.Mode == FeedMode.Snapshot, cancellationToken).ConfigureAwait(false);
                var again = new ResidentChanges();
                foreach (var change in plan.Changed)
                {
                    _resolver.Classify(change, again, pending);
                }

                // Rows the first plan wrote for these persons and the new plan does not want are removed too.
                var persons = plan.Changed.Select(c => c.Rows.PersonKey).ToHashSet(StringComparer.Ordinal);
                var stale = written.Upserts.Where(r => persons.Contains(r.PersonKey) && !again.Upserts.Any(n => n.PartitionKey == r.PartitionKey && n.RowKey == r.RowKey));
                again.Replace(stale.Select(r => (r.PartitionKey, r.RowKey)).ToList(), []);
                await _residents.ApplyAsync(again, 1, cancellationToken).ConfigureAwait(false);
            }
        }
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
        RequestFailedException storage => $"storage request failed: {storage.Status} {storage.ErrorCode}",
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

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Batch {BatchId}: merged in {MergeSeconds:F1} s; matched {Matched} records without an ID in {MatchSeconds:F1} s; rebuilt {Goldens} linked persons in {RebuildSeconds:F1} s")]
    private static partial void LogResolved(ILogger logger, string batchId, double mergeSeconds, int matched, double matchSeconds, int goldens, double rebuildSeconds);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Fact partition {PartitionKey} changed under batch {BatchId}; merging again (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string partitionKey, string batchId, int attempt);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Snapshot batch {BatchId} of {Source} held for a person to confirm: it would end-date {WouldEndDate} of {CurrentRecords} current records with {Accepted} accepted rows")]
    private static partial void LogHeld(ILogger logger, string batchId, string source, long wouldEndDate, long currentRecords, long accepted);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "No batch {BatchId} of {Source}; the message is dropped")]
    private static partial void LogUnknownBatch(ILogger logger, string source, string batchId);
}
