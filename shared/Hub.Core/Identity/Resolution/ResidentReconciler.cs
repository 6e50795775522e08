using System.Security.Cryptography;
using System.Text;
using Hub.Core.Access.Residents;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Brings the resident index back in line with the facts, as a nightly job. Rows are derived from facts as of the day
/// they are written, so a place whose validity lapses (a lease that ended) moves only when a fact changes; and a steward's
/// decision racing a batch for the same person can leave a row behind. The job derives every golden person's rows for
/// today, compares them with the stored rows and candidate index entries by content hash, deletes rows and entries no
/// person has any more and rebuilds the persons whose rows differ. It also writes the view row of every person whose view is missing or out of step (data
/// from before views, or a write that stopped half-way). It writes nothing when nothing changed.
/// </summary>
public sealed partial class ResidentReconciler
{
    private const int Concurrency = 8;

    private readonly HubStorage _storage;
    private readonly CandidateIndex _candidates;
    private readonly PersonResolver _resolver;
    private readonly ResidentRowBuilder _rows;
    private readonly KeyRing _keys;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;
    private readonly ILogger<ResidentReconciler> _logger;

    internal ResidentReconciler(HubStorage storage, CandidateIndex candidates, PersonResolver resolver, ResidentRowBuilder rows, KeyRing keys, ProfileRules rules, TimeProvider time, ILogger<ResidentReconciler> logger)
    {
        _keys = keys;
        _storage = storage;
        _candidates = candidates;
        _resolver = resolver;
        _rows = rows;
        _rules = rules;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs one reconciliation over every partition; returns what it changed.</summary>
    public async Task<ReconcileResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetUtcNow();
        var today = _rules.DayOf(started);

        // Pass 1: what every golden person's rows should be, as a content hash per row key.
        var desired = new Dictionary<(string, string), (string Person, string Hash)>();
        var gate = new Lock();
        var viewsWritten = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, PersonKey.PartitionCount), parallel, async (partition, token) =>
        {
            var filter = TableFilter.Of($"PartitionKey eq {PersonKey.FormatPartition(partition)}");
            var partitionRows = await _storage.FactsTable.QueryRowsAsync(filter, token).ToListAsync(token).ConfigureAwait(false);

            var people = PersonRows.Group(partitionRows, _keys).Values;

            // A golden person's profile with their members' facts, read from their partitions: what their view and their
            // resident rows follow from.
            var resolved = new Dictionary<string, IReadOnlyList<FactView>>(StringComparer.Ordinal);
            foreach (var person in people.Where(p => !p.IsLinkedElsewhere))
            {
                resolved[person.PersonKey] = person.Members.Count > 0
                    ? await _resolver.ReadMembersAsync(person, token).ConfigureAwait(false)
                    : person.Facts.Select(f => f.ToView()).ToList();
            }

            var views = people
                .Select(p => (Person: p, Wanted: p.IsSimple ? p.ViewToWrite(p.Facts.Select(f => f.ToView()).ToList()) : p.ResolvedViewToWrite(resolved.GetValueOrDefault(p.PersonKey) ?? [])))
                .Where(v => v.Wanted is not null)
                .Select(v => v.Person.ViewChange(v.Wanted!))
                .ToList();

            // Data keys made for a view, or wrapped again after a rotation, go ahead of the views they seal, in the same
            // transaction, since each view carries a copy of its key.
            views.InsertRange(0, people.Select(p => p.KeyToWrite()).OfType<EntityChange>());
            Interlocked.Add(ref viewsWritten, await WriteViewsAsync(views, token).ConfigureAwait(false));

            foreach (var (person, facts) in resolved)
            {
                var built = _rows.Build(PersonKey.Parse(person), facts, today);
                lock (gate)
                {
                    foreach (var row in built)
                    {
                        desired[(row.PartitionKey, row.RowKey)] = (person, ContentHash(row));
                    }
                }
            }
        }).ConfigureAwait(false);

        // Pass 2: the stored rows. A row written since the job started is left alone: a batch is writing it.
        var stale = new List<ResidentEntity>();
        var refresh = new HashSet<string>(StringComparer.Ordinal);
        long checkedRows = 0;
        await foreach (var row in _storage.ResidentsTable.QueryAsync<ResidentEntity>(filter: null, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (StreetVersion.Is(row.RowKey))
            {
                continue;
            }

            checkedRows++;
            if (row.StoredAt > started)
            {
                desired.Remove((row.PartitionKey, row.RowKey));
                continue;
            }

            if (!desired.Remove((row.PartitionKey, row.RowKey), out var wanted))
            {
                stale.Add(row);
            }
            else if (wanted.Hash != ContentHash(row))
            {
                refresh.Add(wanted.Person);
            }
        }

        // The candidate index the same way: each entry against what the person's facts file them under.
        var staleEntries = new List<(string PartitionKey, string RowKey)>();
        await foreach (var (entry, storedAt) in _candidates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            checkedRows++;
            if (storedAt > started)
            {
                desired.Remove((entry.PartitionKey, entry.RowKey));
            }
            else if (!desired.Remove((entry.PartitionKey, entry.RowKey), out var wanted))
            {
                staleEntries.Add((entry.PartitionKey, entry.RowKey));
            }
            else if (wanted.Hash != ContentHash(entry))
            {
                refresh.Add(wanted.Person);
            }
        }

        await _candidates.ApplyAsync([], staleEntries, Concurrency, cancellationToken).ConfigureAwait(false);
        refresh.UnionWith(desired.Values.Select(d => d.Person));
        var changedStreets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in stale)
        {
            // A row rewritten by a batch since it was read is not ours to delete; one already gone counts as deleted.
            if (await _storage.ResidentsTable.DeleteAsync(row.PartitionKey, row.RowKey, row.Version, cancellationToken).ConfigureAwait(false) == WriteOutcome.Written)
            {
                changedStreets.Add(row.PartitionKey);
            }
        }

        // The deletes are one by one, outside the index's transactions: the streets' versions move after them.
        foreach (var street in changedStreets)
        {
            await StreetVersion.BumpAsync(_storage.ResidentsTable, street, cancellationToken).ConfigureAwait(false);
        }

        await _resolver.RebuildAsync(refresh, Concurrency, cancellationToken).ConfigureAwait(false);
        var result = new ReconcileResult(checkedRows, stale.Count + staleEntries.Count, refresh.Count, viewsWritten);
        LogReconciled(_logger, result.RowsChecked, result.RowsDeleted, result.PersonsRebuilt, result.ViewsWritten);
        return result;
    }

    /// <summary>
    /// Writes one partition's views in transactions, guarded by the ETags read, a person's data key row and view in the
    /// same one (<see cref="FactStore.Transactions"/>). A transaction that meets a batch writing
    /// the same partition is written again a row at a time, and the rows the batch changed are left to it.
    /// </summary>
    private async Task<int> WriteViewsAsync(IReadOnlyList<EntityChange> views, CancellationToken cancellationToken)
    {
        var written = 0;
        var keyless = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in FactStore.Transactions(views))
        {
            if ((await _storage.FactsTable.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false)).IsWritten)
            {
                written += chunk.Count(c => c.Entity is not DataKeyEntity);
                continue;
            }

            foreach (var view in chunk)
            {
                // A row a batch wrote since the partition was read is the batch's to keep right; so is a data key, and a
                // view sealed with a key that did not get written is left for the batch too.
                var owner = ResolutionRows.PersonKeyOf(view.Entity.RowKey);
                if (keyless.Contains(owner))
                {
                    continue;
                }

                var result = view.Version is { } version
                    ? await _storage.FactsTable.UpdateAsync(view.Entity, version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                    : await _storage.FactsTable.AddAsync(view.Entity, cancellationToken).ConfigureAwait(false);
                if (result.Outcome != WriteOutcome.Written)
                {
                    if (view.Entity is DataKeyEntity)
                    {
                        keyless.Add(owner);
                    }
                }
                else if (view.Entity is not DataKeyEntity)
                {
                    written++;
                }
            }
        }

        return written;
    }

    /// <summary>A hash of everything a row stores besides its keys, to tell a changed row without comparing fields.</summary>
    private static string ContentHash(ResidentEntity row)
    {
        var text = string.Join(
            '\u001f',
            row.PersonKey,
            row.Name,
            row.NameSource,
            row.Places,
            row.DistinctFrom,
            row.Identified,
            row.Memberships,
            row.HouseholdKey,
            row.Status,
            row.StatusDate,
            row.StatusSince,
            row.StatusSource,
            row.Records);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Resident index reconciled: {Checked} rows checked, {Deleted} stale rows deleted, {Rebuilt} persons rebuilt, {Views} person views written")]
    private static partial void LogReconciled(ILogger logger, long @checked, int deleted, int rebuilt, int views);
}
