using System.Diagnostics;
using Hub.Core.Access.Residents;
using Hub.Core.Checks;
using Hub.Core.Identity.Resolution;
using Hub.Core.Profiles.Facts;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// The resolving phase of a batch: what the persons its merge changed mean for the resident index (written before
/// their facts, see <see cref="FactStore"/>), and, once every group is merged, the matching of the records kept
/// without an ID and the rebuilding of the linked persons the batch touched.
/// </summary>
internal sealed class BatchResolver(PersonResolver resolver, LinkedViews views, ProvisionalMatcher provisional, ResidentIndex residents, Worklist worklist, IOptions<FeedProcessingOptions> options)
{
    private int Concurrency => options.Value.MergeConcurrency;

    private int ResolveConcurrency => options.Value.ResolveConcurrency;

    /// <summary>The resolution work of a batch that writes: its rebuilt persons are evaluated by the cross-department checks.</summary>
    public ResolutionWork NewWork() => new() { Checks = worklist.NewWork() };

    /// <summary>
    /// The resident rows that the changed persons of <paramref name="plans"/> call for; the records to match and the
    /// linked persons to rebuild go to <paramref name="pending"/>.
    /// </summary>
    public ResidentChanges Classify(IEnumerable<PartitionPlan> plans, ResolutionWork pending)
    {
        var changes = new ResidentChanges();
        foreach (var change in plans.SelectMany(p => p.Changed))
        {
            resolver.Classify(change, changes, pending);
        }

        return changes;
    }

    /// <summary>Writes the resident rows <see cref="Classify"/> worked out, street by street.</summary>
    public Task IndexAsync(ResidentChanges changes, CancellationToken cancellationToken) =>
        residents.ApplyAsync(changes, Concurrency, cancellationToken);

    /// <summary>
    /// Follows a partition planned again after a conflict: writes the rows the new plan calls for and removes the rows
    /// <paramref name="written"/> (the group's index writes) gave its persons that the new plan does not want.
    /// </summary>
    public async Task ReplannedAsync(PartitionPlan plan, ResidentChanges written, ResolutionWork pending, CancellationToken cancellationToken)
    {
        var again = Classify([plan], pending);
        var persons = plan.Changed.Select(c => c.Rows.PersonKey).ToHashSet(StringComparer.Ordinal);
        var stale = written.Upserts.Where(r => persons.Contains(r.PersonKey) && !again.Upserts.Any(n => n.PartitionKey == r.PartitionKey && n.RowKey == r.RowKey));
        again.Replace(stale.Select(r => (r.PartitionKey, r.RowKey)).ToList(), []);
        await residents.ApplyAsync(again, 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Matches the batch's records kept without an ID, writes the resident rows that follow, matches again the
    /// provisional persons the batch's records could be a candidate for, and rebuilds the linked persons the batch
    /// changed; returns how long matching and rebuilding took.
    /// </summary>
    public async Task<(TimeSpan Matching, TimeSpan Rebuilding)> ResolveAsync(string batchId, ResolutionWork work, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var matched = new ResidentChanges();
        await resolver.MatchAsync(batchId, work, matched, Concurrency, cancellationToken).ConfigureAwait(false);
        await residents.ApplyAsync(matched, Concurrency, cancellationToken).ConfigureAwait(false);
        await provisional.ReevaluateAsync(batchId, work, ResolveConcurrency, cancellationToken).ConfigureAwait(false);
        var matching = clock.Elapsed;
        var known = work.KnownFactRows();
        await resolver.RebuildAsync(work.Goldens, ResolveConcurrency, work.Checks, known, cancellationToken).ConfigureAwait(false);
        await views.WriteAsync(work.Views.Except(work.Goldens, StringComparer.Ordinal), ResolveConcurrency, known, cancellationToken).ConfigureAwait(false);
        if (work.Checks is { } checks)
        {
            await worklist.ApplyAsync(batchId, checks, cancellationToken).ConfigureAwait(false);
        }

        return (matching, clock.Elapsed - matching);
    }
}
