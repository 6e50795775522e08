using Hub.Core.Feeds;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Data stewards' decisions, as in HAPI FHIR MDM: link a record to a person, reject a possible match, merge two
/// persons, split a wrong merge. Each is manual, so automatic matching never changes it; each leaves a history row;
/// none moves or deletes a fact. The link row is written first (it is the truth), then the member rows, then the
/// resident rows are rebuilt, so repeating a decision that stopped half-way completes it.
/// </summary>
public sealed class StewardDecisions
{
    private readonly HubStorage _storage;
    private readonly FactStore _facts;
    private readonly PersonResolver _resolver;
    private readonly TimeProvider _time;
    private readonly IOptions<FeedProcessingOptions> _options;

    internal StewardDecisions(HubStorage storage, FactStore facts, PersonResolver resolver, TimeProvider time, IOptions<FeedProcessingOptions> options)
    {
        _storage = storage;
        _facts = facts;
        _resolver = resolver;
        _time = time;
        _options = options;
    }

    /// <summary>
    /// Links <paramref name="record"/> (and whatever was linked to it) to <paramref name="person"/>. Used for a possible
    /// match (<c>link</c>) and for merging two persons (<c>merge</c>); two persons with valid ID numbers need a reason.
    /// </summary>
    public async Task<DecisionResult> LinkAsync(PersonKey record, PersonKey person, string decidedBy, string? reason, CancellationToken cancellationToken = default)
    {
        var from = await _facts.ReadPersonAsync(record, cancellationToken).ConfigureAwait(false);
        var into = await _facts.ReadPersonAsync(person, cancellationToken).ConfigureAwait(false);
        if (into.IsLinkedElsewhere)
        {
            into = await _facts.ReadPersonAsync(PersonKey.Parse(into.Golden), cancellationToken).ConfigureAwait(false);
        }

        if (from.Facts.Count == 0 && from.Link is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, "The Hub holds nothing under the record key.");
        }

        if (into.Facts.Count == 0 && into.Members.Count == 0)
        {
            return new DecisionResult(DecisionStatus.NotFound, "The Hub holds nothing under the person key.");
        }

        var golden = PersonKey.Parse(into.PersonKey);
        if (from.PersonKey == into.PersonKey)
        {
            return new DecisionResult(DecisionStatus.Conflict, "The record and the person are the same person already.", golden.Value);
        }

        var bothIdentified = from.Facts.Any(f => f.Identified) && into.Facts.Any(f => f.Identified);
        if (bothIdentified && string.IsNullOrWhiteSpace(reason))
        {
            return new DecisionResult(DecisionStatus.Conflict, "Both persons have valid ID numbers; merging them needs a reason.");
        }

        var action = from.IsProvisional ? "link" : "merge";
        var now = _time.GetUtcNow();
        var previous = from.Golden;
        var links = new List<StoredEntity>();
        var sequence = 0;
        if (!(previous == golden.Value && from.Link?.Decider == "manual"))
        {
            var link = DecisionRows.NewLink(PersonKey.Parse(from.PersonKey), golden, MatchOutcome.Match, LinkDecider.Manual, score: null, decidedBy, now, reason);
            links.Add(link);
            links.AddRange(DecisionRows.NewHistoryRows(link, action, previous == from.PersonKey ? null : previous, sequence++));
        }

        // Whatever was linked to the record now belongs to the person too: one level of links, never a chain.
        foreach (var member in from.Members)
        {
            var moved = DecisionRows.NewLink(PersonKey.Parse(member.Member), golden, MatchOutcome.Match, LinkDecider.Manual, score: null, decidedBy, now, reason);
            links.Add(moved);
            links.AddRange(DecisionRows.NewHistoryRows(moved, "merge", from.PersonKey, sequence++));
        }

        await _resolver.WriteRowsAsync(links, cancellationToken).ConfigureAwait(false);
        var members = from.Members.Select(m => PersonKey.Parse(m.Member)).Append(PersonKey.Parse(from.PersonKey)).ToList();
        await _resolver.WriteRowsAsync(members.Select(m => DecisionRows.NewMember(golden, m)), cancellationToken).ConfigureAwait(false);
        var stale = from.Members.Select(m => (m.PartitionKey, m.RowKey)).ToList();
        if (previous != from.PersonKey && previous != golden.Value)
        {
            stale.Add((PersonKey.Parse(previous).PartitionKey, ResolutionRows.Member(previous, from.PersonKey)));
        }

        await _resolver.DeleteRowsAsync(stale, cancellationToken).ConfigureAwait(false);
        await DequeueAsync(from.PersonKey, cancellationToken).ConfigureAwait(false);
        await _resolver.RebuildAsync([golden.Value, from.PersonKey, previous], _options.Value.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        return new DecisionResult(DecisionStatus.Done, Golden: golden.Value);
    }

    /// <summary>Records that <paramref name="record"/> is nobody the Hub knows (no match): it stays a person of its own, and matching never links it again.</summary>
    public async Task<DecisionResult> RejectAsync(PersonKey record, string decidedBy, string? reason, CancellationToken cancellationToken = default)
    {
        var from = await _facts.ReadPersonAsync(record, cancellationToken).ConfigureAwait(false);
        if (from.Facts.Count == 0 && from.Link is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, "The Hub holds nothing under the record key.");
        }

        return await SeparateAsync(from, "reject", decidedBy, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Undoes a merge or a link: <paramref name="member"/> becomes a person of its own again, for good.</summary>
    public async Task<DecisionResult> SplitAsync(PersonKey member, string decidedBy, string? reason, CancellationToken cancellationToken = default)
    {
        var from = await _facts.ReadPersonAsync(member, cancellationToken).ConfigureAwait(false);
        if (from.Facts.Count == 0 && from.Link is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, "The Hub holds nothing under the key.");
        }

        if (!from.IsLinkedElsewhere)
        {
            return new DecisionResult(DecisionStatus.Conflict, "The key is not linked to another person; there is nothing to split.", from.PersonKey);
        }

        return await SeparateAsync(from, "split", decidedBy, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every decision about <paramref name="key"/>, about the keys linked to it, and about keys merged into or split from it, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryItem>> HistoryAsync(PersonKey key, CancellationToken cancellationToken = default)
    {
        var person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        var keys = person.Members.Select(m => PersonKey.Parse(m.Member)).Prepend(key);
        var items = new List<HistoryItem>();
        foreach (var k in keys)
        {
            var filter = TableFilter.Of(
                $"PartitionKey eq {k.PartitionKey} and RowKey ge {ResolutionRows.HistoryStart(k.Value)} and RowKey lt {ResolutionRows.HistoryEnd(k.Value)}");
            await foreach (var h in _storage.FactsTable.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                items.Add(new HistoryItem(h.PersonKey, h.Action, h.Golden, h.PreviousGolden, h.Decider, h.Score, h.DecidedBy, h.DecidedAt, h.Reason));
            }
        }

        // A decision between two persons is kept under both; while they are linked, both copies are read.
        return items.Distinct().OrderBy(i => i.DecidedAt).ThenBy(i => i.PersonKey, StringComparer.Ordinal).ToList();
    }

    private async Task<DecisionResult> SeparateAsync(PersonRows from, string action, string decidedBy, string? reason, CancellationToken cancellationToken)
    {
        var key = PersonKey.Parse(from.PersonKey);
        var previous = from.Golden;
        var link = DecisionRows.NewLink(key, key, MatchOutcome.NoMatch, LinkDecider.Manual, score: null, decidedBy, _time.GetUtcNow(), reason);
        await _resolver.WriteRowsAsync([link, .. DecisionRows.NewHistoryRows(link, action, previous == key.Value ? null : previous, 0)], cancellationToken).ConfigureAwait(false);
        if (previous != key.Value)
        {
            await _resolver.DeleteRowsAsync([(PersonKey.Parse(previous).PartitionKey, ResolutionRows.Member(previous, key.Value))], cancellationToken).ConfigureAwait(false);
        }

        await DequeueAsync(key.Value, cancellationToken).ConfigureAwait(false);
        await _resolver.RebuildAsync([key.Value, previous], _options.Value.MergeConcurrency, cancellationToken).ConfigureAwait(false);
        return new DecisionResult(DecisionStatus.Done, Golden: key.Value);
    }

    private async Task DequeueAsync(string recordKey, CancellationToken cancellationToken) =>
        await _storage.ReviewsTable.DeleteAsync(QueueEntity.Partition, recordKey, cancellationToken: cancellationToken).ConfigureAwait(false);
}
