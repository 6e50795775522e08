using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Works out in memory how a batch's records change one fact partition as read: which facts are inserted, updated,
/// unchanged or end-dated, which persons change, and the guarded writes that make it so.
/// </summary>
/// <remarks>
/// Safe to repeat: a fact this batch already wrote (on an earlier, interrupted attempt) is recognised by its
/// <see cref="FactEntity.LastBatch"/> and counted as what that attempt did, not written again.
/// </remarks>
internal static class PartitionPlanner
{
    public static PartitionPlan Plan(
        string partitionKey, IReadOnlyList<StoredRow> rows, FactMerge merge, IReadOnlyList<IncomingFact> incoming, FactSealing sealing, DateTimeOffset now) =>
        Plan(partitionKey, PersonRows.Group(rows, sealing.Keys), merge, incoming, sealing, now);

    /// <summary>
    /// Plans <paramref name="incoming"/> against <paramref name="people"/>, the opened rows of every person it names (and,
    /// for a snapshot, of every person in the partition), however they were read.
    /// </summary>
    public static PartitionPlan Plan(
        string partitionKey, SortedDictionary<string, PersonRows> people, FactMerge merge, IReadOnlyList<IncomingFact> incoming, FactSealing sealing, DateTimeOffset now)
    {
        var existing = people.Values.SelectMany(p => p.Facts).Where(f => f.Source == merge.Source).ToDictionary(f => f.RowKey, StringComparer.Ordinal);
        var before = new Dictionary<string, IReadOnlyList<FactView>>(StringComparer.Ordinal);
        void Snapshot(string personKey)
        {
            if (!before.ContainsKey(personKey))
            {
                before[personKey] = people.TryGetValue(personKey, out var person) ? person.Facts.Select(f => f.ToView()).ToList() : [];
            }
        }

        var changes = new List<EntityChange>();
        var counts = new Tally();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in incoming)
        {
            var rowKey = FactEntity.RowKeyFor(merge.Source, fact.PersonKey, fact.Discriminator);
            seen.Add(rowKey);
            if (!people.TryGetValue(fact.PersonKey, out var owner))
            {
                people[fact.PersonKey] = owner = new PersonRows(fact.PersonKey, sealing.Keys);
            }

            var key = owner.EnsureKey();
            var hash = FactSealing.Hash(key, fact.Attributes);
            if (!existing.TryGetValue(rowKey, out var stored))
            {
                counts.Inserted++;
                Snapshot(fact.PersonKey);
                var added = new FactEntity
                {
                    PartitionKey = partitionKey,
                    RowKey = rowKey,
                    PersonKey = fact.PersonKey,
                    Source = merge.Source,
                    Identified = fact.Identified,
                    ContentHash = hash,
                    FirstBatch = merge.BatchId,
                    LastBatch = merge.BatchId,
                    LastChange = FactChange.Inserted,
                    SourceRow = fact.Row,
                    FirstSeenAt = now,
                    UpdatedAt = now,
                };
                added.SetSealed(sealing.Seal(key, merge.Source, fact.Attributes, rowKey));
                owner.Facts.Add(added);
                existing[rowKey] = added;
                changes.Add(EntityChange.Add(added));
            }
            else if (stored.LastBatch == merge.BatchId)
            {
                counts.Repeat(stored.LastChange);
                Snapshot(stored.PersonKey);
            }
            else if (stored.ContentHash == hash && stored.EndedAt is null)
            {
                counts.Unchanged++;
            }
            else
            {
                counts.Updated++;
                Snapshot(stored.PersonKey);
                var version = stored.Version!.Value;
                stored.SetSealed(sealing.Seal(key, merge.Source, fact.Attributes, rowKey));
                stored.ContentHash = hash;
                stored.LastBatch = merge.BatchId;
                stored.LastChange = FactChange.Updated;
                stored.SourceRow = fact.Row;
                stored.UpdatedAt = now;
                stored.EndedAt = null;
                changes.Add(EntityChange.Update(stored, version));
            }
        }

        if (merge.Snapshot)
        {
            foreach (var stored in existing.Values.Where(e => e.Source == merge.Source && !seen.Contains(e.RowKey)))
            {
                if (stored.LastBatch == merge.BatchId)
                {
                    counts.Repeat(stored.LastChange);
                    Snapshot(stored.PersonKey);
                }
                else if (stored.EndedAt is null)
                {
                    counts.EndDated++;
                    Snapshot(stored.PersonKey);
                    var version = stored.Version!.Value;
                    stored.EndedAt = now;
                    stored.LastBatch = merge.BatchId;
                    stored.LastChange = FactChange.Ended;
                    stored.UpdatedAt = now;
                    changes.Add(EntityChange.Update(stored, version));
                }
            }
        }

        var changed = before
            .Select(b => new PersonChange(people[b.Key], b.Value, people[b.Key].Facts.Select(f => f.ToView()).ToList()))
            .ToList();

        // Each changed person's view rides in the same transactions as their facts, guarded like them: a writer that
        // got there first makes the commit fail, and the partition is planned again. A resumed batch compares the view
        // with what it should be, so a view an interrupted attempt did not write is written now.
        var viewsWritten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changed)
        {
            if (change.Rows.ViewToWrite(change.After) is { } view)
            {
                changes.Add(change.Rows.View is { Version: { } version } ? EntityChange.Update(view, version) : EntityChange.Add(view));
                viewsWritten.Add(change.Rows.PersonKey);
            }
        }

        // A data key row goes ahead of everything it seals, so no sealed value is ever stored without its key, whatever
        // transaction an interrupted attempt stopped after; a view not written anew has its copy of the key rewrapped
        // beside it (the person's changes share a transaction).
        changes.InsertRange(0, people.Values.SelectMany(p => new[] { p.KeyToWrite(), viewsWritten.Contains(p.PersonKey) ? null : p.CarriedKeyToWrite() }).OfType<EntityChange>());

        return new PartitionPlan(partitionKey, merge, incoming, counts.ToCounts(), changes, changed, SourceAgreement.Compare(merge.Source, incoming, people));
    }

    private sealed class Tally
    {
        public long Inserted { get; set; }

        public long Updated { get; set; }

        public long Unchanged { get; set; }

        public long EndDated { get; set; }

        /// <summary>Counts a fact this batch already wrote on an earlier attempt as what that attempt did.</summary>
        public void Repeat(string change)
        {
            switch (change)
            {
                case FactChange.Inserted:
                    Inserted++;
                    break;
                case FactChange.Ended:
                    EndDated++;
                    break;
                default:
                    Updated++;
                    break;
            }
        }

        public BatchCounts ToCounts() => new() { Inserted = Inserted, Updated = Updated, Unchanged = Unchanged, EndDated = EndDated };
    }
}
