using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Core.Exchange;

/// <summary>
/// The merge's hook into the change feed: derives the events of the persons a partition plan changes (from the facts
/// before and after it already holds, with no storage read), stages them under the batch before the plan is written,
/// and publishes them once the batch completes. A batch that fails never reaches <see cref="PublishAsync"/>, so its
/// staged events are never read.
/// </summary>
internal sealed class BatchChanges(ChangeDeriver deriver, ChangeEventLog log, HubStorage storage, ProfileRules rules, TimeProvider time, IOptions<ChangeEventOptions> options)
{
    /// <summary>
    /// Stages the events of <paramref name="changed"/>. Called before the facts are written: a batch interrupted after
    /// writing them sees its own facts as the "before" when it resumes, so the events must already be staged.
    /// </summary>
    public Task<int> StageAsync(FactMerge merge, IEnumerable<PersonChange> changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return options.Value.Enabled ? StageAsync(merge, Derive(merge, changed), cancellationToken) : Task.FromResult(0);
    }

    /// <summary>Stages <paramref name="events"/>, derived by <see cref="Derive"/> from the persons a plan changes, under the batch.</summary>
    public Task<int> StageAsync(FactMerge merge, IReadOnlyList<ChangeEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(events);
        return !options.Value.Enabled || events.Count == 0 ? Task.FromResult(0) : log.StageAsync(merge.BatchId, events, cancellationToken);
    }

    /// <summary>The events <paramref name="changed"/> make, derived in memory.</summary>
    public IReadOnlyList<ChangeEvent> Derive(FactMerge merge, IEnumerable<PersonChange> changed)
    {
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(changed);
        var today = rules.DayOf(time.GetUtcNow());
        return changed
            .Where(c => PersonKey.TryParse(c.Rows.Golden, out _))
            .SelectMany(c => deriver.Derive(PersonKey.Parse(c.Rows.Golden), c.Before, c.After, merge.Source, merge.BatchId, today))
            .ToList();
    }

    /// <summary>Stages an identities-merged event for each key the batch's resolution linked to a person, from the record's facts in memory.</summary>
    public Task<int> StageLinksAsync(string source, string batchId, IEnumerable<(PersonRows Record, string Golden)> linked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(linked);
        if (!options.Value.Enabled)
        {
            return Task.FromResult(0);
        }

        var today = rules.DayOf(time.GetUtcNow());
        var events = linked
            .Where(l => PersonKey.TryParse(l.Record.PersonKey, out _) && PersonKey.TryParse(l.Golden, out _) && l.Record.PersonKey != l.Golden)
            .Select(l => deriver.Linked(PersonKey.Parse(l.Record.PersonKey), PersonKey.Parse(l.Golden), [.. l.Record.Facts.Select(f => f.ToView())], source, batchId, today))
            .ToList();
        return events.Count == 0 ? Task.FromResult(0) : log.StageAsync(batchId, events, cancellationToken);
    }

    /// <summary>
    /// Publishes a completed batch's staged events, once only whatever the retries, and asks for them to be pushed to
    /// the subscriptions that have an endpoint. (A retry that finds them published asks nothing; the push sweep timer
    /// delivers what such a stop left waiting.)
    /// </summary>
    public async Task<int> PublishAsync(string batchId, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        var published = await log.PublishAsync(batchId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (published > 0)
        {
            await storage.PushDeliveries.SendAsync(PushDeliveryMessage.Everyone.ToJson(), cancellationToken).ConfigureAwait(false);
        }

        return published;
    }
}
