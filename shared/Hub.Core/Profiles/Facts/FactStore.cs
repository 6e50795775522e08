using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Merges a batch's records into one fact partition: one range query reads the partition (every source's facts and
/// every person's resolution rows), the merge happens in memory, and the changes go back in 100-entity transactions
/// guarded by ETags, together with the view row of each person whose facts changed. Planning and committing are
/// separate steps so that the resident index can be written between them: a batch that stops after the index and
/// before the facts is planned again from the same facts.
/// </summary>
internal sealed class FactStore(HubStorage storage, TimeProvider time)
{
    private const int TransactionLimit = 100;

    private const long TransactionBytes = 3L * 1024 * 1024;

    /// <summary>What an entity's keys, names and other properties add to a transaction body, generously.</summary>
    private const long EntityOverhead = 2048;

    /// <summary>
    /// Works out how <paramref name="incoming"/> (all in <paramref name="partitionKey"/>) changes the partition, counts
    /// what happens and names the persons whose facts change.
    /// </summary>
    /// <remarks>
    /// Safe to repeat: a fact this batch already wrote (on an earlier, interrupted attempt) is recognised by its
    /// <see cref="FactEntity.LastBatch"/> and counted as what that attempt did, not written again.
    /// </remarks>
    public async Task<PartitionPlan> PlanAsync(string partitionKey, string source, string batchId, IReadOnlyList<IncomingFact> incoming, bool snapshot, CancellationToken cancellationToken = default)
    {
        var rows = await ReadPartitionsAsync(partitionKey, partitionKey, cancellationToken).ConfigureAwait(false);
        return Plan(partitionKey, rows.GetValueOrDefault(partitionKey) ?? [], source, batchId, incoming, snapshot);
    }

    /// <summary>
    /// Reads every row of the partitions from <paramref name="first"/> to <paramref name="last"/> (inclusive) with one
    /// range query, grouped by partition: a merge group whose records fill a run of partitions reads it in a few pages
    /// instead of one query per partition.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, List<TableEntity>>> ReadPartitionsAsync(string first, string last, CancellationToken cancellationToken = default)
    {
        var partitions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var filter = first == last
            ? TableClient.CreateQueryFilter($"PartitionKey eq {first}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}");
        await foreach (var row in storage.Facts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var rows))
            {
                partitions[row.PartitionKey] = rows = [];
            }

            rows.Add(row);
        }

        return partitions;
    }

    /// <summary>Plans <paramref name="incoming"/> against the partition's <paramref name="rows"/> as read (see <see cref="PlanAsync"/>).</summary>
    public PartitionPlan Plan(string partitionKey, IReadOnlyList<TableEntity> rows, string source, string batchId, IReadOnlyList<IncomingFact> incoming, bool snapshot)
    {
        var people = PersonRows.Group(rows);
        var existing = people.Values.SelectMany(p => p.Facts).Where(f => f.Source == source).ToDictionary(f => f.RowKey, StringComparer.Ordinal);
        var before = new Dictionary<string, IReadOnlyList<FactView>>(StringComparer.Ordinal);
        void Snapshot(string personKey)
        {
            if (!before.ContainsKey(personKey))
            {
                before[personKey] = people.TryGetValue(personKey, out var person) ? person.Facts.Select(f => f.ToView()).ToList() : [];
            }
        }

        var now = time.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        long inserted = 0, updated = 0, unchanged = 0, endDated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in incoming)
        {
            seen.Add(fact.RowKey);
            var (attributes, hash) = Serialise(fact.Attributes);
            if (!existing.TryGetValue(fact.RowKey, out var stored))
            {
                inserted++;
                Snapshot(fact.PersonKey);
                var added = new FactEntity
                {
                    PartitionKey = partitionKey,
                    RowKey = fact.RowKey,
                    PersonKey = fact.PersonKey,
                    Source = source,
                    Identified = fact.Identified,
                    Attributes = attributes,
                    ContentHash = hash,
                    FirstBatch = batchId,
                    LastBatch = batchId,
                    LastChange = FactChange.Inserted,
                    SourceRow = fact.Row,
                    FirstSeenAt = now,
                    UpdatedAt = now,
                };
                if (!people.TryGetValue(fact.PersonKey, out var person))
                {
                    people[fact.PersonKey] = person = new PersonRows(fact.PersonKey);
                }

                person.Facts.Add(added);
                existing[fact.RowKey] = added;
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, added));
            }
            else if (stored.LastBatch == batchId)
            {
                Count(stored.LastChange, ref inserted, ref updated, ref endDated);
                Snapshot(stored.PersonKey);
            }
            else if (stored.ContentHash == hash && stored.EndedAt is null)
            {
                unchanged++;
            }
            else
            {
                updated++;
                Snapshot(stored.PersonKey);
                stored.Attributes = attributes;
                stored.ContentHash = hash;
                stored.LastBatch = batchId;
                stored.LastChange = FactChange.Updated;
                stored.SourceRow = fact.Row;
                stored.UpdatedAt = now;
                stored.EndedAt = null;
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, stored, stored.ETag));
            }
        }

        if (snapshot)
        {
            foreach (var stored in existing.Values.Where(e => e.Source == source && !seen.Contains(e.RowKey)))
            {
                if (stored.LastBatch == batchId)
                {
                    Count(stored.LastChange, ref inserted, ref updated, ref endDated);
                    Snapshot(stored.PersonKey);
                }
                else if (stored.EndedAt is null)
                {
                    endDated++;
                    Snapshot(stored.PersonKey);
                    stored.EndedAt = now;
                    stored.LastBatch = batchId;
                    stored.LastChange = FactChange.Ended;
                    stored.UpdatedAt = now;
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, stored, stored.ETag));
                }
            }
        }

        var changed = before
            .Select(b => new PersonChange(people[b.Key], b.Value, people[b.Key].Facts.Select(f => f.ToView()).ToList()))
            .ToList();

        // Each changed person's view rides in the same transactions as their facts, guarded like them: a writer that
        // got there first makes the commit fail, and the partition is planned again. A resumed batch compares the view
        // with what it should be, so a view an interrupted attempt did not write is written now.
        foreach (var change in changed)
        {
            if (change.Rows.ViewToWrite(change.After) is { } view)
            {
                actions.Add(change.Rows.View is { } stored
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, view, stored.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, view));
            }
        }

        return new PartitionPlan(partitionKey, new BatchCounts { Inserted = inserted, Updated = updated, Unchanged = unchanged, EndDated = endDated }, actions, changed);
    }

    /// <summary>
    /// Writes a plan's facts and views; an ETag conflict (another writer changed the partition: 412, or added a row the
    /// plan did not see: 409) throws, and the caller plans again.
    /// </summary>
    public async Task CommitAsync(PartitionPlan plan, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in Transactions(plan.Actions))
        {
            await storage.Facts.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a person's view row: one point read. Null when the person has none.</summary>
    public async Task<PersonViewEntity?> ReadViewAsync(PersonKey personKey, CancellationToken cancellationToken = default)
    {
        var view = await storage.Facts.GetEntityIfExistsAsync<PersonViewEntity>(personKey.PartitionKey, ResolutionRows.View(personKey.Value), cancellationToken: cancellationToken).ConfigureAwait(false);
        return view.HasValue ? view.Value : null;
    }

    /// <summary>Reads every row of one person key (facts and resolution rows, history aside).</summary>
    public async Task<PersonRows> ReadPersonAsync(PersonKey personKey, CancellationToken cancellationToken = default)
    {
        var person = new PersonRows(personKey.Value);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {personKey.PartitionKey} and RowKey ge {FactEntity.PersonRangeStart(personKey.Value)} and RowKey lt {FactEntity.PersonRangeEnd(personKey.Value)}");
        await foreach (var row in storage.Facts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            person.Add(row);
        }

        return person;
    }

    /// <summary>
    /// Splits actions into transactions of at most 100 entities and about 3 MiB: a transaction's body may not pass 4 MiB,
    /// and a hundred views of persons with many facts would. The size is guessed high: the table client sends each
    /// character outside ASCII as a six-byte escape.
    /// </summary>
    private static IEnumerable<List<TableTransactionAction>> Transactions(IReadOnlyList<TableTransactionAction> actions)
    {
        var chunk = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = EntityOverhead + (6L * action.Entity switch
            {
                FactEntity fact => fact.Attributes.Length,
                PersonViewEntity view => view.Facts?.Length ?? 0,
                _ => 0,
            });
            if (chunk.Count == TransactionLimit || (chunk.Count > 0 && bytes + size > TransactionBytes))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(action);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static void Count(string change, ref long inserted, ref long updated, ref long endDated)
    {
        switch (change)
        {
            case FactChange.Inserted:
                inserted++;
                break;
            case FactChange.Ended:
                endDated++;
                break;
            default:
                updated++;
                break;
        }
    }

    private static (string Json, string Hash) Serialise(IReadOnlyDictionary<string, string> attributes)
    {
        // Sorted keys make the JSON canonical, so equal attributes always hash equal.
        var json = JsonSerializer.Serialize(new SortedDictionary<string, string>(attributes.ToDictionary(), StringComparer.Ordinal), StorageJson.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
        return (json, hash);
    }
}
