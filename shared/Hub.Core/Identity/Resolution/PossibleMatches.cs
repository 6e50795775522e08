using System.Collections.Concurrent;
using System.Text.Json;
using Hub.Core.Access.Residents;
using Hub.Core.Feeds;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// The possible-match queue as a steward works it: filtered by source, score band and age, oldest or highest score
/// first, in pages that go on after the last item shown (so an item decided meanwhile moves nothing), with the total.
/// A steward is given the items whose record and every candidate lie within their reach: a decision is about all of them.
/// </summary>
public sealed class PossibleMatches
{
    private readonly HubStorage _storage;
    private readonly FactStore _facts;
    private readonly PersonResolver _resolver;
    private readonly ProfileReader _profiles;
    private readonly PersonMatcher _matcher;
    private readonly IOptions<FeedProcessingOptions> _options;

    internal PossibleMatches(HubStorage storage, FactStore facts, PersonResolver resolver, ProfileReader profiles, PersonMatcher matcher, IOptions<FeedProcessingOptions> options)
    {
        _storage = storage;
        _facts = facts;
        _resolver = resolver;
        _profiles = profiles;
        _matcher = matcher;
        _options = options;
    }

    /// <summary>
    /// The page <paramref name="query"/> asks for, each item's candidates compared field by field now, and the total of
    /// the items that match the filters and lie <paramref name="within"/> the reach of the steward asking.
    /// </summary>
    public async Task<QueuePage> ReadAsync(QueueQuery query, Func<PersonProfile, bool> within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(within);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);

        // One partition, small by design: read whole, filtered and ordered here.
        var queued = new List<QueueEntity>();
        var filter = TableFilter.Of($"PartitionKey eq {QueueEntity.Partition}");
        await foreach (var entity in _storage.ReviewsTable.QueryAsync<QueueEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Matches(entity, query))
            {
                queued.Add(entity);
            }
        }

        var ordered = queued.Select(q => (Entity: q, Position: QueueOrder.Position(q, query.Sort)))
            .OrderBy(q => q.Position, Comparer<QueuePosition>.Create(QueueOrder.Compare))
            .ToList();

        // The total counts what the steward may page through, so every item's reach is read, not only the page's; a
        // person named by several items (a candidate of twins, say) is read once.
        var profiles = new ConcurrentDictionary<PersonKey, Task<PersonProfile?>>();
        Task<PersonProfile?> ProfileOf(PersonKey key) => profiles.GetOrAdd(key, k => _profiles.ReadAsync(k, cancellationToken));
        var reached = new Reached?[ordered.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Value.MergeConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ordered.Count), parallel, async (i, _) =>
            reached[i] = await ReachAsync(ordered[i].Entity, ordered[i].Position, ProfileOf, within).ConfigureAwait(false)).ConfigureAwait(false);
        var waiting = reached.OfType<Reached>().ToList();

        var start = query.After is { } after ? waiting.FindIndex(w => QueueOrder.Compare(w.Position, after) > 0) : 0;
        var items = new List<ReviewItem>();
        var persons = new HashSet<string>(StringComparer.Ordinal);
        var last = -1;
        for (var i = start < 0 ? waiting.Count : start; i < waiting.Count && items.Count < query.PageSize; i++)
        {
            var named = waiting[i].Candidates.Select(c => c.PersonKey.Value).Append(waiting[i].Entity.RowKey).Where(k => !persons.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
            if (items.Count > 0 && persons.Count + named.Count > query.MaxPersons)
            {
                break;
            }

            persons.UnionWith(named);
            items.Add(await ItemAsync(waiting[i], cancellationToken).ConfigureAwait(false));
            last = i;
        }

        var next = last >= 0 && last < waiting.Count - 1 ? waiting[last].Position : null;
        return new QueuePage(items, waiting.Count, next);
    }

    private static bool Matches(QueueEntity entity, QueueQuery query) =>
        (query.Source is not { } source || entity.Source == source.Value)
        && (query.MinScore is not { } min || ScoreOf(entity) >= min)
        && (query.MaxScore is not { } max || ScoreOf(entity) <= max)
        && (query.QueuedAfter is not { } from || entity.QueuedAt >= from)
        && (query.QueuedBefore is not { } before || entity.QueuedAt < before);

    /// <summary>The score the queue shows, filters and sorts by: the matcher's when it queued the record, to two places as candidates' scores are shown.</summary>
    internal static double? ScoreOf(QueueEntity entity) => entity.Score is { } score ? Math.Round(score, 2) : null;

    // The item with its record's and candidates' profiles when all lie within reach; null otherwise, and for a record
    // the Hub no longer holds. A candidate the Hub no longer holds is left out, and one merged into another is shown once.
    private static async Task<Reached?> ReachAsync(QueueEntity entity, QueuePosition position, Func<PersonKey, Task<PersonProfile?>> profileOf, Func<PersonProfile, bool> within)
    {
        if (await profileOf(PersonKey.Parse(entity.RowKey)).ConfigureAwait(false) is not { } record || !within(record))
        {
            return null;
        }

        var candidates = new List<PersonProfile>();
        foreach (var score in JsonSerializer.Deserialize<List<CandidateScore>>(entity.Candidates, StorageJson.Options) ?? [])
        {
            if (await profileOf(PersonKey.Parse(score.Person)).ConfigureAwait(false) is { } profile && !candidates.Any(c => c.PersonKey == profile.PersonKey))
            {
                if (!within(profile))
                {
                    return null;
                }

                candidates.Add(profile);
            }
        }

        return new Reached(entity, position, candidates);
    }

    // The record beside each candidate, scored now: the candidate's records may have changed since the record was queued.
    private async Task<ReviewItem> ItemAsync(Reached reached, CancellationToken cancellationToken)
    {
        var entity = reached.Entity;
        var record = await _facts.ReadPersonAsync(PersonKey.Parse(entity.RowKey), cancellationToken).ConfigureAwait(false);
        var attributes = record.Facts.Select(f => f.ToView()).OrderByDescending(f => f.UpdatedAt).FirstOrDefault()?.Attributes ?? new Dictionary<string, string>();
        var incoming = ResidentRowBuilder.ToMatchRecord(attributes);
        var candidates = new List<ReviewCandidate>();
        foreach (var profile in reached.Candidates)
        {
            var golden = await _facts.ReadPersonAsync(profile.PersonKey, cancellationToken).ConfigureAwait(false);
            var records = (await _resolver.ReadMembersAsync(golden, cancellationToken).ConfigureAwait(false))
                .Select(f => new MatchCandidate(profile.PersonKey, ResidentRowBuilder.ToMatchRecord(f.Attributes)))
                .ToList();
            if (_matcher.Rank(incoming, records) is [var ranked, ..])
            {
                candidates.Add(new ReviewCandidate(Math.Round(ranked.Score, 2), ranked.Fields, profile));
            }
        }

        return new ReviewItem(entity.RowKey, entity.Source, entity.Batch, entity.QueuedAt, ScoreOf(entity), attributes, candidates.OrderByDescending(c => c.Score).ToList());
    }

    /// <summary>
    /// Takes <paramref name="persons"/> out of the queue: their own records' items, and their place among another
    /// record's candidates (an item left with none goes, its record stays provisional). Returns the items changed.
    /// </summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var keys = persons.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        var changes = new List<EntityChange>();
        await foreach (var entity in _storage.ReviewsTable.QueryAsync<QueueEntity>(TableFilter.Of($"PartitionKey eq {QueueEntity.Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var candidates = JsonSerializer.Deserialize<List<CandidateScore>>(entity.Candidates, StorageJson.Options) ?? [];
            var left = candidates.Where(c => !keys.Contains(c.Person)).ToList();
            if (keys.Contains(entity.RowKey) || left.Count == 0)
            {
                changes.Add(EntityChange.Delete(entity.PartitionKey, entity.RowKey));
            }
            else if (left.Count < candidates.Count && entity.Version is { } version)
            {
                entity.Candidates = JsonSerializer.Serialize(left, StorageJson.Options);
                entity.Score = left.Max(c => c.Score);
                changes.Add(EntityChange.Update(entity, version));
            }
        }

        foreach (var change in changes)
        {
            var result = await _storage.ReviewsTable.SubmitAsync([change], cancellationToken).ConfigureAwait(false);
            if (result.Outcome is not (WriteOutcome.Written or WriteOutcome.Missing))
            {
                result.ThrowIfNotWritten();
            }
        }

        return changes.Count;
    }

    private sealed record Reached(QueueEntity Entity, QueuePosition Position, IReadOnlyList<PersonProfile> Candidates);
}
