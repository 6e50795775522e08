using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The fact table: merges a batch's records into one fact partition at a time and reads a person's rows. One range
/// query reads a partition (every source's facts and every person's resolution rows), <see cref="PartitionPlanner"/>
/// merges in memory, and the changes go back in 100-entity transactions guarded by versions, together with the view
/// row of each person whose facts changed. Planning and committing are separate steps so that the resident index can
/// be written between them: a batch that stops after the index and before the facts is planned again from the same facts.
/// </summary>
internal sealed partial class FactStore(HubStorage storage, KeyRing keys, SourceCatalog sources, TimeProvider time, ILogger<FactStore> logger)
{
    private readonly FactSealing _sealing = new(keys, sources);

    /// <summary>The key-encryption keys that open the persons' data keys.</summary>
    public KeyRing Keys => keys;

    /// <summary>How often a partition that keeps changing under a merge is planned and written again before the merge gives up.</summary>
    public const int MaxCommitAttempts = 5;

    private const int TransactionLimit = 100;

    private const long TransactionBytes = 3L * 1024 * 1024;

    /// <summary>What an entity's keys, names and other properties add to a transaction body, generously.</summary>
    private const long EntityOverhead = 2048;

    /// <summary>Reads the partition and works out how <paramref name="incoming"/> (all in <paramref name="partitionKey"/>) changes it.</summary>
    public async Task<PartitionPlan> PlanAsync(string partitionKey, FactMerge merge, IReadOnlyList<IncomingFact> incoming, CancellationToken cancellationToken = default)
    {
        var rows = await ReadPartitionsAsync(partitionKey, partitionKey, cancellationToken).ConfigureAwait(false);
        return Plan(partitionKey, rows.GetValueOrDefault(partitionKey) ?? [], merge, incoming);
    }

    /// <summary>
    /// Reads every row of the partitions from <paramref name="first"/> to <paramref name="last"/> (inclusive) with one
    /// range query, grouped by partition: a merge group whose records fill a run of partitions reads it in a few pages
    /// instead of one query per partition.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredRow>>> ReadPartitionsAsync(string first, string last, CancellationToken cancellationToken = default)
    {
        var partitions = new Dictionary<string, List<StoredRow>>(StringComparer.Ordinal);
        var filter = first == last
            ? TableFilter.Of($"PartitionKey eq {first}")
            : TableFilter.Of($"PartitionKey ge {first} and PartitionKey le {last}");
        await foreach (var row in storage.FactsTable.QueryRowsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var rows))
            {
                partitions[row.PartitionKey] = rows = [];
            }

            rows.Add(row);
        }

        return partitions.ToDictionary(p => p.Key, IReadOnlyList<StoredRow> (p) => p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Plans a delta's <paramref name="incoming"/> (all in <paramref name="partitionKey"/>) from reads of each of its
    /// persons by their keys instead of the partition whole: their view, data key and the facts the delta names, and
    /// their link when a record came without an ID, every person's keys in one read (<see cref="EntityTable.GetRowsAsync"/>).
    /// The view's copy of the person's facts stands in for the others. A person whose view cannot (see
    /// <see cref="PersonRows.CompleteFromView"/>) is read by their row-key range. The plan is the one
    /// <see cref="PlanAsync"/> would make: what it writes is what a partition read would have written, guarded the same.
    /// </summary>
    public async Task<PartitionPlan> PlanByPersonsAsync(string partitionKey, FactMerge merge, IReadOnlyList<IncomingFact> incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(incoming);
        if (merge.Snapshot)
        {
            throw new ArgumentException("A snapshot end-dates what it no longer holds, so it reads its partitions whole.", nameof(merge));
        }

        var persons = incoming
            .GroupBy(f => f.PersonKey, StringComparer.Ordinal)
            .Select(p => (Key: p.Key, Read: p.Select(f => FactEntity.RowKeyFor(merge.Source, p.Key, f.Discriminator)).ToHashSet(StringComparer.Ordinal), Unidentified: p.Any(f => !f.Identified)))
            .Select(p => (p.Key, p.Read, RowKeys: RowKeysForMerge(p.Key, p.Read, p.Unidentified)))
            .ToList();
        var rows = (await storage.FactsTable.GetRowsAsync(partitionKey, persons.SelectMany(p => p.RowKeys), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var people = new SortedDictionary<string, PersonRows>(StringComparer.Ordinal);
        foreach (var (personKey, read, rowKeys) in persons)
        {
            var person = Assemble(PersonKey.Parse(personKey), rowKeys.Select(k => rows.GetValueOrDefault(k)).OfType<StoredRow>());
            people[personKey] = await CompleteForMergeAsync(partitionKey, person, read, rowKeys, cancellationToken).ConfigureAwait(false);
        }

        return PartitionPlanner.Plan(partitionKey, people, merge, incoming, _sealing, time.GetUtcNow());
    }

    // The rows a merge reads of one person: the facts the delta names, the view and data key, and the link of a record without an ID.
    private static List<string> RowKeysForMerge(string personKey, IEnumerable<string> facts, bool unidentified)
    {
        var rowKeys = new List<string>(facts) { ResolutionRows.View(personKey), ResolutionRows.DataKey(personKey) };
        if (unidentified)
        {
            // Whether a record without an ID was matched before is its link's to say.
            rowKeys.Add(ResolutionRows.Link(personKey));
        }

        return rowKeys;
    }

    private async Task<PersonRows> CompleteForMergeAsync(string partitionKey, PersonRows person, IReadOnlySet<string> read, List<string> rowKeys, CancellationToken cancellationToken)
    {
        var personKey = person.PersonKey;
        if (!person.CompleteFromView(partitionKey, read))
        {
            return await ReadPersonAsync(PersonKey.Parse(personKey), cancellationToken).ConfigureAwait(false);
        }

        if (person.IsProvisional && person.Link is null && !rowKeys.Contains(ResolutionRows.Link(personKey)))
        {
            if (await storage.FactsTable.GetRowAsync(partitionKey, ResolutionRows.Link(personKey), cancellationToken).ConfigureAwait(false) is { } link)
            {
                person.Add(link);
            }
        }

        return person;
    }

    /// <summary>Plans <paramref name="incoming"/> against the partition's <paramref name="rows"/> as read (see <see cref="PartitionPlanner"/>).</summary>
    public PartitionPlan Plan(string partitionKey, IReadOnlyList<StoredRow> rows, FactMerge merge, IReadOnlyList<IncomingFact> incoming) =>
        PartitionPlanner.Plan(partitionKey, rows, merge, incoming, _sealing, time.GetUtcNow());

    /// <summary>
    /// Writes a plan's facts and views, transaction by transaction: <see cref="WriteOutcome.AlreadyExists"/> when
    /// another writer added a row the plan did not see, <see cref="WriteOutcome.Changed"/> when one changed a row since
    /// the plan read it. Either way the plan is stale and must be made again (see <see cref="CommitAsync"/>).
    /// </summary>
    public async Task<WriteOutcome> TryCommitAsync(PartitionPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var transaction in Transactions(plan.Changes))
        {
            var result = await storage.FactsTable.SubmitAsync(transaction, cancellationToken).ConfigureAwait(false);
            if (!result.IsWritten)
            {
                return result.Outcome;
            }
        }

        return WriteOutcome.Written;
    }

    /// <summary>
    /// Writes a plan; when another writer changed the partition first, reads it again, makes the plan again from the
    /// same records, tells <paramref name="replanned"/> (so what follows from the plan can follow the new one) and
    /// writes that. Returns the plan written. Throws <see cref="PartitionContendedException"/> when the partition
    /// changed under every one of <see cref="MaxCommitAttempts"/> attempts.
    /// </summary>
    public async Task<PartitionPlan> CommitAsync(PartitionPlan plan, Func<PartitionPlan, CancellationToken, Task> replanned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(replanned);
        for (var attempt = 1; ; attempt++)
        {
            if (await TryCommitAsync(plan, cancellationToken).ConfigureAwait(false) == WriteOutcome.Written)
            {
                return plan;
            }

            if (attempt == MaxCommitAttempts)
            {
                throw new PartitionContendedException(plan.PartitionKey, attempt);
            }

            LogConflict(logger, plan.PartitionKey, plan.Merge.BatchId, attempt);
            plan = await PlanAsync(plan.PartitionKey, plan.Merge, plan.Incoming, cancellationToken).ConfigureAwait(false);
            await replanned(plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a person's view row, opened; null when the person has none. One point read: a sealed view carries its
    /// person's data key as the data key row holds it (<see cref="PersonViewEntity.CarriedKey"/>) and opens with that.
    /// The data key row stays the source of truth and is read as well, a second point read, when the view carries no
    /// copy, when the copy's key-encryption key is not configured (retired after a rotation), or when the view does not
    /// open with it. That fallback serves views written before they carried their key for as long as any is left, so
    /// none needs migrating; the next merge of the person or the nightly reconciliation writes the copy. Erasure deletes
    /// the view in the same transaction as the data key row, so a copy never outlives the key it copies.
    /// </summary>
    public async Task<PersonViewEntity?> ReadViewAsync(PersonKey personKey, CancellationToken cancellationToken = default)
    {
        var view = await storage.FactsTable.GetAsync<PersonViewEntity>(personKey.PartitionKey, ResolutionRows.View(personKey.Value), cancellationToken).ConfigureAwait(false);
        if (view?.IsSealed() != true || TryOpenWithCarriedKey(personKey, view))
        {
            return view;
        }

        var key = await storage.FactsTable.GetAsync<DataKeyEntity>(personKey.PartitionKey, ResolutionRows.DataKey(personKey.Value), cancellationToken).ConfigureAwait(false);
        view.Open(keys.Unwrap(personKey.Value, key?.ToWrapped() ?? throw new SealedValueException("A person's view is sealed but their data key row is missing.")));
        return view;
    }

    private bool TryOpenWithCarriedKey(PersonKey personKey, PersonViewEntity view)
    {
        if (view.CarriedKey() is not { } carried || !keys.Has(carried.KeyId))
        {
            return false;
        }

        try
        {
            view.Open(keys.Unwrap(personKey.Value, carried));
            return true;
        }
        catch (SealedValueException)
        {
            // A copy that does not open (altered, or not this person's): the key row decides.
            return false;
        }
    }

    /// <summary>Reads the rows of one person key named by <paramref name="rowKeys"/> (see <see cref="EntityTable.GetRowsAsync"/>), opened; a row not there is left out.</summary>
    public async Task<PersonRows> ReadRowsAsync(PersonKey personKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken = default) =>
        Assemble(personKey, await GetRowsAsync(personKey, rowKeys, cancellationToken).ConfigureAwait(false));

    /// <summary>The rows of one person key named by <paramref name="rowKeys"/> (see <see cref="EntityTable.GetRowsAsync"/>), as stored; a row not there is left out.</summary>
    public Task<IReadOnlyList<StoredRow>> GetRowsAsync(PersonKey personKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken = default) =>
        storage.FactsTable.GetRowsAsync(personKey.PartitionKey, rowKeys, cancellationToken);

    /// <summary>The person <paramref name="rows"/> (rows of one key, read in any order) make, in key order as a range gives them, opened.</summary>
    public PersonRows Assemble(PersonKey personKey, IEnumerable<StoredRow> rows)
    {
        var person = new PersonRows(personKey.Value, keys);
        foreach (var row in rows.DistinctBy(r => r.RowKey, StringComparer.Ordinal).OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            person.Add(row);
        }

        person.Open();
        return person;
    }

    /// <summary>Reads every row of one person key (facts and resolution rows, history aside).</summary>
    public async Task<PersonRows> ReadPersonAsync(PersonKey personKey, CancellationToken cancellationToken = default)
    {
        var person = new PersonRows(personKey.Value, keys);
        var filter = TableFilter.Of(
            $"PartitionKey eq {personKey.PartitionKey} and RowKey ge {FactEntity.PersonRangeStart(personKey.Value)} and RowKey lt {FactEntity.PersonRangeEnd(personKey.Value)}");
        await foreach (var row in storage.FactsTable.QueryRowsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            person.Add(row);
        }

        person.Open();
        return person;
    }

    /// <summary>
    /// Splits changes into transactions of at most 100 entities and about 3 MiB: a transaction's body may not pass 4 MiB,
    /// and a hundred views of persons with many facts would. The size is guessed high: the table client sends each
    /// character outside ASCII as a six-byte escape. A person's changes (data key, facts, view, in that order) stay in
    /// one transaction unless they alone pass its limits, so their view never lags behind their facts and can stand in
    /// for them when the next delta is planned from point reads.
    /// </summary>
    internal static IEnumerable<List<EntityChange>> Transactions(IReadOnlyList<EntityChange> changes)
    {
        var transaction = new List<EntityChange>();
        long bytes = 0;
        foreach (var person in changes.GroupBy(c => ResolutionRows.PersonKeyOf(c.Entity.RowKey), StringComparer.Ordinal))
        {
            var personChanges = person.ToList();
            var personBytes = personChanges.Sum(Size);
            if (transaction.Count > 0 && (transaction.Count + personChanges.Count > TransactionLimit || bytes + personBytes > TransactionBytes))
            {
                yield return transaction;
                transaction = [];
                bytes = 0;
            }

            foreach (var change in personChanges)
            {
                var size = Size(change);
                if (transaction.Count == TransactionLimit || (transaction.Count > 0 && bytes + size > TransactionBytes))
                {
                    yield return transaction;
                    transaction = [];
                    bytes = 0;
                }

                transaction.Add(change);
                bytes += size;
            }
        }

        if (transaction.Count > 0)
        {
            yield return transaction;
        }
    }

    private static long Size(EntityChange change) => EntityOverhead + (6L * change.Entity switch
    {
        FactEntity fact => fact.Attributes.Length + (fact.Sealed?.Length ?? 0),
        PersonViewEntity view => (view.Facts?.Length ?? 0) + (view.Own?.Length ?? 0) + (view.Members?.Length ?? 0) + (view.Wrapped?.Length ?? 0),
        _ => 0,
    });

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Fact partition {PartitionKey} changed under batch {BatchId}; merging again (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string partitionKey, string batchId, int attempt);
}
