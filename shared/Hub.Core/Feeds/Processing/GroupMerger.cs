using System.Collections.Concurrent;
using Hub.Core.Access.Residents;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// The merging phase of a batch, one merge group at a time: plans every fact partition of the group against what it
/// holds, writes the resident index for the whole group (full transactions per street), then the facts.
/// </summary>
internal sealed class GroupMerger(FactStore facts, BatchResolver resolution, BatchChanges events, IOptions<FeedProcessingOptions> options)
{
    private int Concurrency => options.Value.MergeConcurrency;

    /// <summary>
    /// Merges <paramref name="group"/>'s spilled records and returns what it did. With <paramref name="write"/> false it
    /// only plans (and counts what writing would do): for a group an earlier attempt finished, or to check a snapshot
    /// before anything of it is applied. Either way the records to match and persons to rebuild go to <paramref name="pending"/>,
    /// and what the plans found about the data's quality to <paramref name="quality"/> when one is given. With
    /// <paramref name="readPersons"/>, a partition holding few of the group's persons is planned from point reads of them
    /// (see <see cref="FeedProcessingOptions.PointReadPersonsPerPartition"/>).
    /// </summary>
    public async Task<BatchCounts> MergeAsync(FeedBatch batch, int group, BatchWorkFolder work, ResolutionWork pending, bool write, BatchQualityTally? quality, bool readPersons, CancellationToken cancellationToken)
    {
        var merge = new FactMerge(batch.Source, batch.Id, batch.Mode == FeedMode.Snapshot);
        var byPartition = await ReadGroupAsync(batch, group, work, merge.Snapshot, cancellationToken).ConfigureAwait(false);
        var plans = await PlanAsync(merge, byPartition, readPersons ? options.Value.PointReadPersonsPerPartition : 0, cancellationToken).ConfigureAwait(false);
        var changes = resolution.Classify(plans, pending);

        // Derived once, in memory, for the change feed and for the lag between a change's effective date and its arrival.
        var derived = write || quality is not null ? events.Derive(merge, plans.SelectMany(p => p.Changed)) : [];
        quality?.Merged(plans, derived);
        if (!write)
        {
            return plans.Aggregate(new BatchCounts(), (total, plan) => total + plan.Counts);
        }

        await events.StageAsync(merge, derived, cancellationToken).ConfigureAwait(false);
        await resolution.IndexAsync(changes, cancellationToken).ConfigureAwait(false);
        var total = new BatchCounts();
        var gate = new Lock();
        await Parallel.ForEachAsync(plans, ParallelOptionsFor(cancellationToken), async (plan, token) =>
        {
            var committed = await facts.CommitAsync(plan, (again, t) => ReplannedAsync(merge, again, changes, pending, t), token).ConfigureAwait(false);
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

    private static async Task<Dictionary<int, List<IncomingFact>>> ReadGroupAsync(FeedBatch batch, int group, BatchWorkFolder work, bool snapshot, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<int, List<IncomingFact>>();
        if (snapshot)
        {
            // A snapshot end-dates what it no longer holds, so every partition of the group is visited.
            var partitionsPerGroup = PersonKey.PartitionCount / batch.GroupCount;
            for (var p = group * partitionsPerGroup; p < (group + 1) * partitionsPerGroup; p++)
            {
                byPartition[p] = [];
            }
        }

        await foreach (var record in SpillFiles.ReadAsync(work, group, cancellationToken).ConfigureAwait(false))
        {
            var partition = record.Partition();
            if (!byPartition.TryGetValue(partition, out var list))
            {
                byPartition[partition] = list = [];
            }

            list.Add(record.ToIncoming());
        }

        return byPartition;
    }

    /// <summary>
    /// Plans each partition from what it holds: a delta's partition with few of its persons from point reads of them,
    /// any other from runs of partitions read whole (see <see cref="FeedProcessingOptions.PointReadPersonsPerPartition"/>).
    /// </summary>
    private async Task<IReadOnlyList<PartitionPlan>> PlanAsync(FactMerge merge, Dictionary<int, List<IncomingFact>> byPartition, int limit, CancellationToken cancellationToken)
    {
        var plans = new ConcurrentBag<PartitionPlan>();
        var byPersons = merge.Snapshot || limit == 0 ? [] : byPartition
            .Where(p => p.Value.Select(f => f.PersonKey).Distinct(StringComparer.Ordinal).Count() <= limit)
            .Select(p => p.Key)
            .ToHashSet();
        await Parallel.ForEachAsync(byPersons, ParallelOptionsFor(cancellationToken), async (partition, token) =>
            plans.Add(await facts.PlanByPersonsAsync(PersonKey.FormatPartition(partition), merge, byPartition[partition], token).ConfigureAwait(false))).ConfigureAwait(false);

        var whole = byPartition.Keys.Where(p => !byPersons.Contains(p)).ToList();
        await Parallel.ForEachAsync(ReadRanges(whole, Concurrency), ParallelOptionsFor(cancellationToken), async (range, token) =>
        {
            var rows = await facts.ReadPartitionsAsync(PersonKey.FormatPartition(range.First), PersonKey.FormatPartition(range.Last), token).ConfigureAwait(false);
            foreach (var partition in whole.Where(p => p >= range.First && p <= range.Last))
            {
                var partitionKey = PersonKey.FormatPartition(partition);
                plans.Add(facts.Plan(partitionKey, rows.GetValueOrDefault(partitionKey) ?? [], merge, byPartition[partition]));
            }
        }).ConfigureAwait(false);
        return [.. plans];
    }

    private async Task ReplannedAsync(FactMerge merge, PartitionPlan again, ResidentChanges written, ResolutionWork pending, CancellationToken cancellationToken)
    {
        await resolution.ReplannedAsync(again, written, pending, cancellationToken).ConfigureAwait(false);
        await events.StageAsync(merge, again.Changed, cancellationToken).ConfigureAwait(false);
    }

    private ParallelOptions ParallelOptionsFor(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
}
