using System.Text.Json;
using Hub.Core.Access.Residents;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Makes resolution independent of feed order. A record matched when it arrives only meets what the Hub held then; a
/// person who arrives later (identified or not) could be the candidate it lacked. So after each batch, every
/// provisional person filed under a blocking key of a record the batch changed (<see cref="ProvisionalSearch"/>) is
/// matched again against everything the Hub now holds, exactly as if their records had arrived last: a match links
/// them (and whatever was linked to them) to the person, a possible match queues them, and a queued record whose
/// candidates no longer come close leaves the queue. Only automatic decisions are revisited; a steward's never.
/// </summary>
/// <remarks>
/// Persons are taken in key order, so the pass is the same whatever order the feeds came in, and each person's rows
/// are written before the next is evaluated, so a person evaluated later sees who joined whom.
/// </remarks>
internal sealed class ProvisionalMatcher(HubStorage storage, FactStore facts, ResidentIndex index, PersonMatcher matcher, PersonResolver resolver, TimeProvider time)
{
    /// <summary>Evaluates again the provisional persons that the records of <paramref name="work"/> could be a candidate for.</summary>
    public async Task ReevaluateAsync(string batchId, ResolutionWork work, int concurrency, CancellationToken cancellationToken = default)
    {
        if (work.Arrivals.Count == 0)
        {
            return;
        }

        // The batch's own records were just matched against the same index.
        var matchedNow = work.ToMatch.Select(p => p.PersonKey).ToHashSet(StringComparer.Ordinal);
        var provisional = (await index.FindProvisionalAsync(work.Arrivals, concurrency, cancellationToken).ConfigureAwait(false))
            .Where(p => !matchedNow.Contains(p.Person.Value))
            .ToList();

        // The pass changes links, never the candidate index (who joined whom is kept in `joined`), so every candidate key
        // of every person is read at once, and every link: a link the pass changes is its own person's or a member's,
        // and a member's link names its golden person before and after. The person's rows are read again before a write.
        var lookups = await index.ReadLookupsAsync(provisional.SelectMany(p => p.Records), concurrency, cancellationToken).ConfigureAwait(false);
        var links = new LinkEntity?[provisional.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, provisional.Count), parallel, async (i, token) =>
            links[i] = await ReadLinkAsync(provisional[i].Person, token).ConfigureAwait(false)).ConfigureAwait(false);

        var joined = new Dictionary<PersonKey, PersonKey>();
        foreach (var (i, (key, records)) in provisional.Index())
        {
            // Whether the person is still the matcher's to decide is the link's to say; the person's rows are read only
            // when the decision changes something.
            if (links[i] is not { } link || !IsAutomatic(link))
            {
                continue;
            }

            var decision = await DecideAsync(key, records, joined, lookups, cancellationToken).ConfigureAwait(false);
            if (decision.MatchedPerson is { } golden)
            {
                var person = await facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
                if (!IsAutomatic(person.Link))
                {
                    continue;
                }

                await JoinAsync(person, golden, decision.Score, cancellationToken).ConfigureAwait(false);
                joined[key] = golden;
                work.AddGolden(golden.Value);
                work.AddGolden(key.Value);
                work.AddLinked(person, golden.Value);
                continue;
            }

            var candidates = decision.Outcome == MatchOutcome.PossibleMatch
                ? JsonSerializer.Serialize(decision.Candidates.Select(c => new CandidateScore(c.Person.Value, Math.Round(c.Score, 2))), StorageJson.Options)
                : null;
            if (link.Outcome == DecisionRows.Word(decision.Outcome) && link.Candidates == candidates)
            {
                continue;
            }

            var current = await facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
            if (!IsAutomatic(current.Link))
            {
                continue;
            }

            await RequeueAsync(current, decision, candidates, batchId, cancellationToken).ConfigureAwait(false);

            // The new link's marker is replaced by the person's view once the pass is over.
            work.AddView(key.Value);
        }
    }

    // A link the matcher decided that keeps the key a person of its own: only such a person is matched again.
    private static bool IsAutomatic(LinkEntity? link) => link is { Decider: "auto" } && !link.LinksElsewhere();

    // A key's link row: one point read; null for a key without one.
    private Task<LinkEntity?> ReadLinkAsync(PersonKey key, CancellationToken cancellationToken) =>
        storage.FactsTable.GetAsync<LinkEntity>(key.PartitionKey, ResolutionRows.Link(key.Value), cancellationToken);

    // The best decision over the person's records: a match before a possible match, then the higher score.
    private async Task<MatchDecision> DecideAsync(PersonKey key, IReadOnlyList<MatchRecord> records, Dictionary<PersonKey, PersonKey> joined, CandidateLookups lookups, CancellationToken cancellationToken)
    {
        MatchDecision? best = null;
        foreach (var record in records)
        {
            var found = await index.FindCandidatesAsync(record, lookups, cancellationToken).ConfigureAwait(false);
            var candidates = found
                .Select(c => joined.TryGetValue(c.Person, out var into) ? c with { Person = into } : c)
                .Where(c => c.Person != key)
                .ToList();
            var decision = matcher.Evaluate(record, candidates);
            if (best is null || Rank(decision) > Rank(best) || (Rank(decision) == Rank(best) && (decision.Score ?? 0) > (best.Score ?? 0)))
            {
                best = decision;
            }
        }

        return best ?? matcher.Evaluate(records[0], []);

        static int Rank(MatchDecision d) => d.Outcome switch
        {
            MatchOutcome.Match => 2,
            MatchOutcome.PossibleMatch => 1,
            _ => 0,
        };
    }

    // Links the provisional person and the records linked to it to golden; the member rows move with them.
    private async Task JoinAsync(PersonRows person, PersonKey golden, double? score, CancellationToken cancellationToken)
    {
        var key = PersonKey.Parse(person.PersonKey);
        var now = time.GetUtcNow();
        var link = DecisionRows.NewLink(key, golden, MatchOutcome.Match, LinkDecider.Auto, score, PersonResolver.MatcherName, now, reason: null);
        var rows = new List<StoredEntity> { link, DecisionRows.NewHistory(link, DecisionRows.Word(MatchOutcome.Match), previousGolden: null, sequence: 0), DecisionRows.NewMember(golden, key) };
        var sequence = 1;
        foreach (var member in person.Members)
        {
            var memberKey = PersonKey.Parse(member.Member);
            var previous = await ReadLinkAsync(memberKey, cancellationToken).ConfigureAwait(false);
            var decider = previous?.Decider == "manual" ? LinkDecider.Manual : LinkDecider.Auto;
            var moved = DecisionRows.NewLink(memberKey, golden, MatchOutcome.Match, decider, previous?.Score, previous?.DecidedBy ?? PersonResolver.MatcherName, now, previous?.Reason);
            rows.Add(moved);
            rows.AddRange(DecisionRows.NewHistoryRows(moved, "merge", key.Value, sequence++));
            rows.Add(DecisionRows.NewMember(golden, memberKey));
        }

        await resolver.WriteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        await resolver.DeleteRowsAsync(person.Members.Select(m => (m.PartitionKey, m.RowKey)), cancellationToken).ConfigureAwait(false);
        await storage.ReviewsTable.DeleteAsync(QueueEntity.Partition, key.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // Queues the person for a steward with its new candidates, or takes it out of the queue when none comes close.
    private async Task RequeueAsync(PersonRows person, MatchDecision decision, string? candidates, string batchId, CancellationToken cancellationToken)
    {
        var key = PersonKey.Parse(person.PersonKey);
        var now = time.GetUtcNow();
        var link = DecisionRows.NewLink(key, key, decision.Outcome, LinkDecider.Auto, decision.Score, PersonResolver.MatcherName, now, reason: null);
        link.Candidates = candidates;
        if (candidates is null)
        {
            await storage.ReviewsTable.DeleteAsync(QueueEntity.Partition, key.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // An item already waiting keeps its age and batch: only what the steward is shown changes.
            var waiting = await storage.ReviewsTable.GetAsync<QueueEntity>(QueueEntity.Partition, key.Value, cancellationToken).ConfigureAwait(false);
            var review = new QueueEntity
            {
                RowKey = key.Value,
                Source = person.Facts.Count > 0 ? person.Facts[0].Source : string.Empty,
                Batch = waiting?.Batch ?? batchId,
                Score = decision.Score,
                Candidates = candidates,
                QueuedAt = waiting?.QueuedAt ?? now,
            };
            await storage.ReviewsTable.UpsertAsync(review, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        // The queue before the link, as when a record is first matched: a pass that stops in between is repeated.
        await resolver.WriteRowsAsync([link, DecisionRows.NewHistory(link, DecisionRows.Word(decision.Outcome), previousGolden: null, sequence: 0)], cancellationToken).ConfigureAwait(false);
    }
}
