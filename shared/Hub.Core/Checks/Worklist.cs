using Hub.Core.Access.Residents;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Checks;

/// <summary>
/// The worklist of cross-department checks in table <c>worklist</c> (layout: <see cref="WorklistRows"/>). After a
/// batch, <see cref="ApplyAsync"/> opens an item for each new finding, leaves alone what was found before, and
/// resolves the open items of the persons evaluated whose condition no longer holds; items are never deleted.
/// </summary>
public sealed partial class Worklist
{
    private const int TransactionLimit = 100;

    private readonly HubStorage _storage;
    private readonly CheckEvaluator _evaluator;
    private readonly ProfileBuilder _profiles;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;
    private readonly StorageOperationCounter _operations;
    private readonly ILogger<Worklist> _logger;

    // An item's evidence holds the values that raised it (dates of a membership, a status): sealed in every row of it.
    private readonly DerivedSeal _evidence;
    private long _operationsUsed;
    private long _personsEvaluated;

    internal Worklist(HubStorage storage, CheckRules checks, ProfileBuilder profiles, ProfileRules rules, KeyRing keys, TimeProvider time, StorageOperationCounter operations, ILogger<Worklist> logger)
    {
        _storage = storage;
        _evidence = new DerivedSeal(keys, "worklist-evidence");
        _operations = operations;
        _evaluator = new CheckEvaluator(checks, rules);
        _profiles = profiles;
        _rules = rules;
        _time = time;
        _logger = logger;
    }

    /// <summary>The checks.</summary>
    public CheckRules Checks => _evaluator.Checks;

    /// <summary>Storage operations the checks have used since start-up, after batches: reading their persons' items, their households, writing items.</summary>
    public long OperationsUsed => Interlocked.Read(ref _operationsUsed);

    /// <summary>Persons the checks have evaluated since start-up.</summary>
    public long PersonsEvaluated => Interlocked.Read(ref _personsEvaluated);

    /// <summary>A collector for one batch's rebuilt persons, evaluated on today's date.</summary>
    internal CheckWork NewWork() => new(_evaluator, _profiles, _rules.DayOf(_time.GetUtcNow()));

    /// <summary>
    /// Brings the worklist in line with what <paramref name="work"/> found: new findings open items, findings already
    /// known change nothing (a resolved one is reopened), open items of evaluated persons that were not found again
    /// are resolved. Returns how many items were opened, reopened and resolved.
    /// </summary>
    internal async Task<(int Opened, int Resolved)> ApplyAsync(string batchId, CheckWork work, CancellationToken cancellationToken = default)
    {
        var persons = work.Evaluated;
        if (persons.Count == 0)
        {
            return (0, 0);
        }

        var operationsAtStart = _operations.Count;
        var findings = new Dictionary<string, (CheckFinding Finding, EvaluatedPerson Person)>(StringComparer.Ordinal);
        foreach (var person in work.Found)
        {
            var found = person.HouseholdCandidate is { } profile
                ? person.Findings.Concat(work.EvaluateWithHousehold(profile, await HouseholdOfAsync(profile, work, cancellationToken).ConfigureAwait(false)))
                : person.Findings;
            foreach (var finding in found)
            {
                findings.TryAdd(finding.ItemId, (finding, person));
            }
        }

        var existing = await ReadItemsAsync(persons, cancellationToken).ConfigureAwait(false);
        var changes = WorklistChanges.Plan(existing.Values, findings.Values, batchId, _time.GetUtcNow());
        await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        var opened = changes.Count(c => c.After.Status == WorklistStatus.Open && c.Before?.Status != WorklistStatus.Open);
        var resolved = changes.Count(c => c.After.Status == WorklistStatus.Resolved && c.Before?.Status != WorklistStatus.Resolved);
        var operations = _operations.Count - operationsAtStart;
        Interlocked.Add(ref _operationsUsed, operations);
        Interlocked.Add(ref _personsEvaluated, persons.Count);
        LogApplied(_logger, batchId, persons.Count, findings.Count, opened, resolved, operations);
        return (opened, resolved);
    }

    /// <summary>The item <paramref name="id"/>, or null.</summary>
    public async Task<WorklistItem?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!WorklistRows.IsId(id))
        {
            return null;
        }

        var row = await _storage.WorklistTable.GetAsync<WorklistEntity>(WorklistRows.ItemPartition(id), id, cancellationToken).ConfigureAwait(false);
        return row?.ToItem(_evidence);
    }

    /// <summary>
    /// One page of the items in <paramref name="scope"/> that <paramref name="keep"/> accepts, after
    /// <paramref name="after"/>: one partition's range for a department or a street, a partition range for a county or
    /// city, of <paramref name="status"/> only when given. Reading stops after <paramref name="scanLimit"/> rows, so a
    /// filter that matches little cannot make one request read a city; the page is then shorter and says where to go on.
    /// </summary>
    public async Task<WorklistPage> ListAsync(WorklistScope scope, WorklistStatus? status, Func<WorklistItem, bool> keep, WorklistPosition? after, int pageSize, int scanLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(keep);
        string? statusFilter = null;
        if (status is { } wanted)
        {
            var low = WorklistRows.StatusName(wanted) + "|";
            var high = WorklistRows.StatusName(wanted) + "}";
            statusFilter = TableFilter.Of($"RowKey ge {low} and RowKey lt {high}");
        }

        // A street's items are one partition; a merged street's old and new partitions are read one after the other,
        // in key order, so a continuation position stays a single (partition, row) pair.
        var streets = scope.Streets is { Count: > 0 } listed ? listed : [scope.Division.Street];
        var reads = new List<string>();
        if (scope.Department is { } department)
        {
            reads.Add(TableFilter.Of($"PartitionKey eq {WorklistRows.Department(department.Value)}"));
        }
        else if (scope.Division.Prefix.Length >= 9)
        {
            reads.AddRange(streets.Order(StringComparer.Ordinal).Select(street => WorklistRows.Street(street))
                .Where(partition => after is null || string.CompareOrdinal(partition, after.PartitionKey) >= 0)
                .Select(partition => TableFilter.Of($"PartitionKey eq {partition}")));
        }
        else
        {
            var low = WorklistRows.Street(scope.Division.Prefix);
            var high = low + "~";
            reads.Add(TableFilter.Of($"PartitionKey ge {low} and PartitionKey lt {high}"));
        }

        var items = new List<WorklistItem>();
        WorklistPosition? last = null;
        var scanned = 0;
        foreach (var read in reads)
        {
            var filter = statusFilter is null ? read : read + " and " + statusFilter;
            if (after is not null)
            {
                filter += " and " + TableFilter.Of($"(PartitionKey gt {after.PartitionKey} or (PartitionKey eq {after.PartitionKey} and RowKey gt {after.RowKey}))");
            }

            await foreach (var row in _storage.WorklistTable.QueryAsync<WorklistEntity>(filter, pageSize: Math.Min(1000, scanLimit), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var item = row.ToItem(_evidence);

                // A person whose two places lie in two streets read has a row in each: listed once, from the first.
                var once = scope.Department is not null
                    || item.Streets.FirstOrDefault(s => Reads(scope, streets, s)) is not { } first
                    || WorklistRows.Street(first) == row.PartitionKey;
                if (once && keep(item))
                {
                    if (items.Count == pageSize)
                    {
                        return new WorklistPage(items, last);
                    }

                    items.Add(item);
                }

                last = new WorklistPosition(row.PartitionKey, row.RowKey);
                if (++scanned >= scanLimit)
                {
                    return new WorklistPage(items, last);
                }
            }
        }

        return new WorklistPage(items, null);
    }

    // Whether a list of scope reads the partition of street.
    private static bool Reads(WorklistScope scope, IReadOnlyList<string> streets, string street) =>
        scope.Division.Prefix.Length >= 9 ? streets.Contains(street) : street.StartsWith(scope.Division.Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Decides an open item: <paramref name="status"/> is confirmed or dismissed, with <paramref name="reason"/> and
    /// <paramref name="by"/> kept in its history. Only an open item is decided.
    /// </summary>
    public async Task<(WorklistDecisionOutcome Outcome, WorklistItem? Item)> DecideAsync(string id, WorklistStatus status, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (status is not (WorklistStatus.Confirmed or WorklistStatus.Dismissed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A person confirms or dismisses an item.");
        }

        if (!WorklistRows.IsId(id))
        {
            return (WorklistDecisionOutcome.Unknown, null);
        }

        var row = await _storage.WorklistTable.GetAsync<WorklistEntity>(WorklistRows.ItemPartition(id), id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return (WorklistDecisionOutcome.Unknown, null);
        }

        var before = row.ToItem(_evidence);
        if (before.Status != WorklistStatus.Open)
        {
            return (WorklistDecisionOutcome.NotOpen, before);
        }

        var now = _time.GetUtcNow();
        var after = before with
        {
            Status = status,
            UpdatedAt = now,
            History = [.. before.History, new WorklistHistoryEntry(now, by, WorklistRows.StatusName(status), reason)],
        };

        // The item row first, conditionally: two people deciding at once, one wins and the other is told it is decided.
        var written = await _storage.WorklistTable.UpdateAsync(WorklistEntity.ItemRow(after, _evidence), row.Version!.Value, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (!written.IsWritten)
        {
            var latest = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            return latest is null ? (WorklistDecisionOutcome.Unknown, null) : (WorklistDecisionOutcome.NotOpen, latest);
        }

        await WriteIndexAsync([(before, after)], cancellationToken).ConfigureAwait(false);
        return (WorklistDecisionOutcome.Decided, after);
    }

    // Another member of the household from the batch, else from the resident index of the registration's street: one
    // query, made only for a person a household condition may hold for.
    private async Task<IReadOnlyList<HouseholdPeer>> HouseholdOfAsync(PersonProfile profile, CheckWork work, CancellationToken cancellationToken)
    {
        var household = profile.HouseholdKey!.Value;
        var peers = work.HouseholdMembers(household).ToDictionary(p => p.PersonKey);
        var street = (profile.Registration ?? profile.Residence)?.Division.Street;
        if (street is null)
        {
            return [.. peers.Values];
        }

        var filter = TableFilter.Of($"PartitionKey eq {street} and HouseholdKey eq {household.Value}");
        await foreach (var row in _storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: ResidentDirectory.Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!PersonKey.TryParse(row.PersonKey, out var key) || peers.ContainsKey(key))
            {
                continue;
            }

            var status = ResidentStatus.Read(row.Status, row.StatusDate, row.StatusSince, row.StatusSource);
            var present = status?.On(work.Today) is null or PersonStatus.Active;
            peers[key] = new HouseholdPeer(key, present, ResidentMembership.Parse(row.Memberships).Select(m => new PeerMembership(m.Group, m.ValidFrom, m.LastDay, string.Empty, string.Empty)).ToList());
        }

        return [.. peers.Values];
    }

    /// <summary>Deletes every item of <paramref name="persons"/>, with its index rows: the persons are being erased.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        var items = (await ReadItemsAsync(persons, cancellationToken).ConfigureAwait(false)).Values;
        var rows = items.SelectMany(item => WorklistEntity.IndexRows(item, _evidence).Append(WorklistEntity.ItemRow(item, _evidence)));
        return await _storage.WorklistTable.DeleteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the items of person partition <paramref name="partition"/> whose person a pepper rotation gave a new key
    /// (<paramref name="map"/>: old key to new, a key to itself when it did not move) to that key. An item's id follows
    /// from its person key, so each is given the id the checks give it now, found by evaluating the person at the new
    /// key (<paramref name="factsOf"/>) and matching the check and the membership; an item the checks no longer find
    /// keeps its history under an id made from its old one. Its status, history and evidence move with it (the
    /// evidence sealed again for the new id, household members named by their new keys). Returns the items moved.
    /// </summary>
    internal async Task<int> RekeyAsync(int partition, Func<string, string> map, Func<PersonKey, CancellationToken, Task<IReadOnlyList<FactView>>> factsOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(factsOf);
        var filter = TableFilter.Of($"PartitionKey eq {WorklistRows.ItemPartition(partition)}");
        var rows = await _storage.WorklistTable.QueryAsync<WorklistEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<(WorklistItem? Before, WorklistItem After)>();
        var old = new List<StoredEntity>();
        foreach (var person in rows.Where(r => map(r.PersonKey) != r.PersonKey).GroupBy(r => r.PersonKey, StringComparer.Ordinal))
        {
            var to = PersonKey.Parse(map(person.Key));
            var work = NewWork();
            work.Observe(to, await factsOf(to, cancellationToken).ConfigureAwait(false));
            var findings = work.Found.SelectMany(p => p.Findings).ToList();
            foreach (var row in person)
            {
                var item = row.ToItem(_evidence);
                var membership = item.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.Membership);
                var found = findings.FirstOrDefault(f => f.Rule.Id == item.Rule
                    && f.Evidence.Any(e => e.Kind == EvidenceKind.Membership && e.Group == membership?.Group && e.Source == membership?.Source));
                var moved = item with
                {
                    Id = found?.ItemId ?? WorklistRows.ItemId(to, "rotated|" + item.Id),
                    PersonKey = to,
                    Evidence = [.. item.Evidence.Select(e => e.Member is { } member ? e with { Member = PersonKey.Parse(map(member.Value)) } : e)],
                };
                changes.Add((null, moved));
                old.AddRange(WorklistEntity.IndexRows(item, _evidence).Append(WorklistEntity.ItemRow(item, _evidence)));
            }
        }

        // The new rows first: a move stopped half way leaves the old item too, and the next run moves it again.
        await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        await _storage.WorklistTable.DeleteRowsAsync(old, cancellationToken).ConfigureAwait(false);
        return changes.Count;
    }

    private async Task<Dictionary<string, WorklistItem>> ReadItemsAsync(IEnumerable<PersonKey> persons, CancellationToken cancellationToken)
    {
        var keys = persons.ToHashSet();
        var items = new Dictionary<string, WorklistItem>(StringComparer.Ordinal);
        foreach (var (first, last) in ReadRanges(keys.Select(k => k.Partition).Distinct().Order().ToList()))
        {
            var low = WorklistRows.ItemPartition(first);
            var high = WorklistRows.ItemPartition(last);
            var filter = TableFilter.Of($"PartitionKey ge {low} and PartitionKey le {high}");
            await foreach (var row in _storage.WorklistTable.QueryAsync<WorklistEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (PersonKey.TryParse(row.PersonKey, out var key) && keys.Contains(key))
                {
                    items[row.Id] = row.ToItem(_evidence);
                }
            }
        }

        return items;
    }

    // Items are few beside persons (a contradiction is the exception), so one range query over the partitions a batch
    // touched reads them in a page or two however many persons the batch rebuilt; a delta of a few persons reads their
    // partitions alone rather than the items of everyone between them.
    private static IEnumerable<(int First, int Last)> ReadRanges(List<int> partitions)
    {
        const int Few = 4;
        return partitions.Count switch
        {
            0 => [],
            <= Few => partitions.Select(p => (p, p)),
            _ => [(partitions[0], partitions[^1])],
        };
    }

    private async Task WriteAsync(IReadOnlyList<(WorklistItem? Before, WorklistItem After)> changes, CancellationToken cancellationToken)
    {
        // Items before their index rows: a write that stops in between is repaired by the next evaluation of the person.
        foreach (var partition in changes.Select(c => WorklistEntity.ItemRow(c.After, _evidence)).GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TransactionLimit))
            {
                (await _storage.WorklistTable.SubmitAsync(chunk.Select(r => EntityChange.Upsert(r)), cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
            }
        }

        await WriteIndexAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteIndexAsync(IReadOnlyList<(WorklistItem? Before, WorklistItem After)> changes, CancellationToken cancellationToken)
    {
        var writes = new List<EntityChange>();
        foreach (var (before, after) in changes)
        {
            var rows = WorklistEntity.IndexRows(after, _evidence);
            writes.AddRange(rows.Select(r => EntityChange.Upsert(r)));
            if (before is not null)
            {
                var kept = rows.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
                writes.AddRange(WorklistEntity.IndexRows(before, _evidence).Where(r => !kept.Contains((r.PartitionKey, r.RowKey))).Select(r => EntityChange.Delete(r.PartitionKey, r.RowKey)));
            }
        }

        foreach (var partition in writes.GroupBy(w => w.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TransactionLimit))
            {
                var result = await _storage.WorklistTable.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);

                // A row to delete that is already gone (an earlier attempt got this far) fails the whole transaction: write
                // the upserts again without the deletes.
                if (!result.IsWritten && result.Outcome == WriteOutcome.Missing)
                {
                    (await _storage.WorklistTable.SubmitAsync(chunk.Where(c => c.Entity is not BareRow), cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
                    continue;
                }

                result.ThrowIfNotWritten();
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Batch {BatchId}: checks evaluated {Persons} persons, {Findings} findings, {Opened} items opened or reopened, {Resolved} resolved by the data, {Operations} storage operations")]
    private static partial void LogApplied(ILogger logger, string batchId, int persons, int findings, int opened, int resolved, long operations);
}
