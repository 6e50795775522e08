using System.Security.Cryptography;
using System.Text.Json;
using Hub.Core.Access.Residents;
using Hub.Core.Checks;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Keeps the resident index and the links in step with the facts. During a batch it sorts each changed person into
/// one of three paths: a person of their own (rows derived from the facts the merge has in memory), a golden person
/// whose records span partitions (rebuilt after the merge), or a record without a usable ID that was never matched
/// (matched after the merge). The same rebuild serves data stewards' decisions.
/// </summary>
internal sealed class PersonResolver(
    HubStorage storage,
    LinkedViews views,
    ResidentIndex index,
    ResidentRowBuilder rows,
    PersonMatcher matcher,
    ProfileRules rules,
    TimeProvider time)
{
    private const int TransactionLimit = 100;

    /// <summary>The decider name recorded for automatic decisions.</summary>
    public const string MatcherName = "matcher";

    /// <summary>Sorts a changed person into a path; a person of their own has their rows replaced in <paramref name="changes"/> now.</summary>
    public void Classify(PersonChange change, ResidentChanges changes, ResolutionWork work)
    {
        var person = change.Rows;
        work.AddArrivals(rows.BlockHashes(change.After));
        if (!person.HasOwnProfile || person.ResolvedViewPending)
        {
            // The merge wrote these facts without a copy of them in the key's view (PersonRows.ViewToWrite).
            work.AddOwnChanged(person.PersonKey);
        }

        if (person.IsLinkedElsewhere)
        {
            work.AddGolden(person.Golden);
        }
        else if (person.HasMembers)
        {
            work.AddGoldenChanged(person.PersonKey);
        }
        else if (person.Link is null && person.IsProvisional)
        {
            work.AddToMatch(person);
        }
        else
        {
            if (person.ResolvedViewPending)
            {
                work.AddView(person.PersonKey);
            }

            var key = PersonKey.Parse(person.PersonKey);
            var today = Today;
            changes.ReplaceRows(rows.Build(key, change.Before, today), rows.Build(key, change.After, today));
            work.Checks?.Observe(key, change.After);
        }
    }

    /// <summary>
    /// Matches records that came without a usable ID, in feed order, so a later record can match a person an earlier
    /// one started. Each ends linked to one person (match), queued for a steward beside a provisional person of its own
    /// (possible match), or as a provisional person (no match). Links are written before anything they imply.
    /// </summary>
    public async Task MatchAsync(string batchId, ResolutionWork work, ResidentChanges changes, int concurrency, CancellationToken cancellationToken = default)
    {
        var overlay = new Dictionary<string, List<MatchCandidate>>(StringComparer.Ordinal);
        var writes = new List<StoredEntity>();
        var reviews = new List<QueueEntity>();
        var now = time.GetUtcNow();
        var today = Today;
        var pending = work.ToMatch
            .OrderBy(p => p.Facts.Min(f => f.SourceRow))
            .ThenBy(p => p.PersonKey, StringComparer.Ordinal)
            .Select(p => (Person: p, Views: p.Facts.Select(f => f.ToView()).ToList()))
            .Select(p => (p.Person, p.Views, Incoming: ResidentRowBuilder.ToMatchRecord(p.Views.OrderByDescending(v => v.UpdatedAt).First().Attributes)))
            .ToList();

        // What the index holds does not change while the batch matches (its own links are the overlay below), so every
        // record's candidates are searched at once, every key read once and the keys of one partition together; the
        // decisions are then taken in feed order.
        var lookups = await index.ReadLookupsAsync(pending.Select(p => p.Incoming), concurrency, cancellationToken).ConfigureAwait(false);
        var indexed = new IReadOnlyList<MatchCandidate>[pending.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count), parallel, async (i, token) =>
            indexed[i] = await index.FindCandidatesAsync(pending[i].Incoming, lookups, token).ConfigureAwait(false)).ConfigureAwait(false);

        foreach (var (i, (person, views, incoming)) in pending.Index())
        {
            var key = PersonKey.Parse(person.PersonKey);
            var candidates = indexed[i]
                .Concat(BlockingKeys.For(incoming).SelectMany(k => overlay.GetValueOrDefault(k) ?? []))
                .Where(c => c.Person != key)
                .ToList();
            var decision = matcher.Evaluate(incoming, candidates);
            var golden = decision.MatchedPerson ?? key;
            var link = DecisionRows.NewLink(key, golden, decision.Outcome, LinkDecider.Auto, decision.Score, MatcherName, now, reason: null);
            if (decision.Outcome == MatchOutcome.PossibleMatch)
            {
                var scores = JsonSerializer.Serialize(decision.Candidates.Select(c => new CandidateScore(c.Person.Value, Math.Round(c.Score, 2))), StorageJson.Options);
                link.Candidates = scores;
                reviews.Add(new QueueEntity
                {
                    RowKey = key.Value,
                    Source = person.Facts[0].Source,
                    Batch = batchId,
                    Score = decision.Score,
                    Candidates = scores,
                    QueuedAt = now,
                });
            }

            writes.Add(link);
            writes.Add(DecisionRows.NewHistory(link, Action(decision.Outcome), previousGolden: null, sequence: 0));
            if (decision.Outcome == MatchOutcome.Match)
            {
                writes.Add(DecisionRows.NewMember(golden, key));
                work.AddGolden(golden.Value);
                work.AddLinked(person, golden.Value);
            }
            else
            {
                // A record left to itself: its link's marker is replaced by a copy of its facts once the link is written.
                work.AddView(key.Value);
                changes.Replace([], rows.Build(key, views, today));
                work.Checks?.Observe(key, views);
            }

            foreach (var blockingKey in BlockingKeys.For(incoming))
            {
                if (!overlay.TryGetValue(blockingKey, out var list))
                {
                    overlay[blockingKey] = list = [];
                }

                list.Add(new MatchCandidate(golden, incoming));
            }
        }

        // Reviews before links: a batch that stops in between finds the records still unmatched and queues them again.
        foreach (var chunk in reviews.Chunk(TransactionLimit))
        {
            (await storage.ReviewsTable.SubmitAsync(chunk.Select(r => EntityChange.Upsert(r)), cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
        }

        await WriteRowsAsync(writes, markers: true, work.Mark, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds the resident rows of golden persons from their records and their members' records, then writes the
    /// index rows that remember them. A key linked elsewhere ends with no rows.
    /// </summary>
    public Task RebuildAsync(IEnumerable<string> goldens, int concurrency, CancellationToken cancellationToken = default) =>
        RebuildAsync(goldens, concurrency, checks: null, known: null, cancellationToken);

    /// <summary>
    /// As <see cref="RebuildAsync(IEnumerable{string}, int, CancellationToken)"/>, evaluating each rebuilt person by
    /// <paramref name="checks"/> when given, and reading by their keys the rows that <paramref name="known"/> (what the
    /// batch knows, <see cref="ResolutionWork.KnownFactRows"/>) names: see <see cref="LinkedViews.RefreshAsync"/>.
    /// </summary>
    /// <remarks>
    /// The same pass writes the views of linked persons (<see cref="LinkedViews"/>): the one place that already reads a
    /// golden person with all their members.
    /// </remarks>
    public async Task RebuildAsync(IEnumerable<string> goldens, int concurrency, CheckWork? checks, KnownRows? known, CancellationToken cancellationToken = default)
    {
        var changes = new ResidentChanges();
        var indexRows = new List<StoredEntity>();
        var gate = new Lock();
        var today = Today;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(goldens.Distinct(StringComparer.Ordinal), parallel, async (golden, token) =>
        {
            var key = PersonKey.Parse(golden);
            var (person, resolved) = await views.RefreshAsync(key, known, token).ConfigureAwait(false);
            var after = resolved is null ? [] : rows.Build(key, resolved, today);
            if (resolved is not null)
            {
                checks?.Observe(key, resolved);
            }

            var before = person.IndexRows?.GetKeys() ?? rows.Build(key, person.Facts.Select(f => f.ToView()).ToList(), today).Select(r => (r.PartitionKey, r.RowKey)).ToList();
            changes.Replace(before, after);
            if (person.Members.Count > 0 || person.IndexRows is not null)
            {
                lock (gate)
                {
                    indexRows.Add(new IndexRowsEntity
                    {
                        PartitionKey = key.PartitionKey,
                        RowKey = ResolutionRows.Index(golden),
                        Rows = IndexRowsEntity.Format(after.Select(r => (r.PartitionKey, r.RowKey))),
                    });
                }
            }
        }).ConfigureAwait(false);

        await index.ApplyAsync(changes, concurrency, cancellationToken).ConfigureAwait(false);

        // No marker with the index rows: each goes to a key that has, or had, member rows, written with a marker before
        // them, and the views just written say what the person is.
        await WriteRowsAsync(indexRows, markers: false, mark: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every fact of a golden person: their own and their members'.</summary>
    public async Task<IReadOnlyList<FactView>> ReadMembersAsync(PersonRows golden, CancellationToken cancellationToken = default) =>
        LinkedViews.Resolve(golden, await views.ReadMemberRowsAsync(golden, cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Writes resolution rows, grouped by partition into transactions. Every key given a link, member or index row gets
    /// the marker view that sends person detail to its facts, in each transaction that writes rows it stands for: a
    /// write that stops in between leaves a marker without a link, which reads correctly, and no member row is ever
    /// written without a marker over its golden person's view.
    /// </summary>
    public Task WriteRowsAsync(IEnumerable<StoredEntity> entities, CancellationToken cancellationToken = default) =>
        WriteRowsAsync(entities, markers: true, mark: null, cancellationToken);

    /// <summary>
    /// As <see cref="WriteRowsAsync(IEnumerable{StoredEntity}, CancellationToken)"/>, with <paramref name="mark"/> on the
    /// markers over the views of golden persons that only gain member rows (see <see cref="ResolutionWork.Mark"/>).
    /// </summary>
    public Task WriteRowsAsync(IEnumerable<StoredEntity> entities, string mark, CancellationToken cancellationToken = default) =>
        WriteRowsAsync(entities, markers: true, mark, cancellationToken);

    /// <summary>
    /// Deletes resolution rows; a row already gone is fine. A golden person losing a member row gets the marker first,
    /// so their view, which holds the member's facts, is not read until the resolver writes it again.
    /// </summary>
    public async Task DeleteRowsAsync(IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken = default)
    {
        var rows = keys.ToList();
        var goldens = rows
            .Where(r => r.RowKey.Contains(ResolutionRows.Marker + "member|", StringComparison.Ordinal))
            .Select(r => ResolutionRows.PersonKeyOf(r.RowKey))
            .Distinct(StringComparer.Ordinal)
            .Select(PersonViewEntity.Resolved);
        foreach (var marker in goldens)
        {
            await storage.FactsTable.UpsertAsync(marker, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (partitionKey, rowKey) in rows)
        {
            await storage.FactsTable.DeleteAsync(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // A golden person only gaining member rows gets a marker that leaves their view's copy under it, with the mark
    // given (a new one when none is), so the rebuild that put it there can still read their rows by their keys
    // (PersonViewEntity.HeldRows); so does a key only given a link to itself under the mark of the caller's pass (a
    // record the matcher left to itself): its profile stays its own facts, which the copy names. A key whose link
    // elsewhere or index row changes, or whose link to itself another writer changes, gets a marker written whole.
    private async Task WriteRowsAsync(IEnumerable<StoredEntity> entities, bool markers, string? mark, CancellationToken cancellationToken)
    {
        var rows = entities.ToList();
        var passMark = mark is not null;
        var whole = rows
            .Where(e => e is not MemberEntity && !(passMark && e is LinkEntity link && !link.LinksElsewhere()))
            .Select(MarkedKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        mark ??= RandomNumberGenerator.GetHexString(16, lowercase: true);
        foreach (var partition in rows.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var transaction = new List<EntityChange>();
            var marked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in partition)
            {
                var key = markers ? MarkedKey(row) : null;
                if (transaction.Count + (key is null || marked.Contains(key) ? 1 : 2) > TransactionLimit)
                {
                    (await storage.FactsTable.SubmitAsync(transaction, cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
                    transaction = [];
                    marked.Clear();
                }

                if (key is not null && marked.Add(key))
                {
                    transaction.Insert(0, whole.Contains(key) ? EntityChange.Upsert(PersonViewEntity.Resolved(key)) : PersonViewEntity.MarkOver(key, mark));
                }

                transaction.Add(EntityChange.Upsert(row));
            }

            if (transaction.Count > 0)
            {
                (await storage.FactsTable.SubmitAsync(transaction, cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
            }
        }

        // The key whose view a row's marker stands over.
        static string? MarkedKey(StoredEntity row) => row switch
        {
            LinkEntity link => link.PersonKey,
            MemberEntity member => member.Golden,
            IndexRowsEntity => ResolutionRows.PersonKeyOf(row.RowKey),
            _ => null,
        };
    }

    private static string Action(MatchOutcome outcome) => DecisionRows.Word(outcome);

    private DateOnly Today => rules.DayOf(time.GetUtcNow());
}
