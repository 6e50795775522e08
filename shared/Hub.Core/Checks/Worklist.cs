using Hub.Core.Access.Residents;
using Hub.Core.Feeds.Processing;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
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
    private const string HubActor = "hub";

    private readonly HubStorage _storage;
    private readonly CheckEvaluator _evaluator;
    private readonly ProfileBuilder _profiles;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;
    private readonly ILogger<Worklist> _logger;

    internal Worklist(HubStorage storage, CheckRules checks, ProfileBuilder profiles, ProfileRules rules, TimeProvider time, ILogger<Worklist> logger)
    {
        _storage = storage;
        _evaluator = new CheckEvaluator(checks, rules);
        _profiles = profiles;
        _rules = rules;
        _time = time;
        _logger = logger;
    }

    /// <summary>The checks.</summary>
    public CheckRules Checks => _evaluator.Checks;

    /// <summary>A collector for one batch's rebuilt persons, evaluated on today's date.</summary>
    internal CheckWork NewWork() => new(_evaluator, _profiles, _rules.DayOf(_time.GetUtcNow()));

    /// <summary>
    /// Brings the worklist in line with what <paramref name="work"/> found: new findings open items, findings already
    /// known change nothing (a resolved one is reopened), open items of evaluated persons that were not found again
    /// are resolved. Returns how many items were opened, reopened and resolved.
    /// </summary>
    internal async Task<(int Opened, int Resolved)> ApplyAsync(string batchId, CheckWork work, CancellationToken cancellationToken = default)
    {
        var persons = work.Persons.ToDictionary(p => p.PersonKey);
        if (persons.Count == 0)
        {
            return (0, 0);
        }

        var findings = new Dictionary<string, (CheckFinding Finding, EvaluatedPerson Person)>(StringComparer.Ordinal);
        foreach (var person in persons.Values)
        {
            var found = person.HouseholdCandidate is { } profile
                ? person.Findings.Concat(work.EvaluateWithHousehold(profile, await HouseholdOfAsync(profile, work, cancellationToken).ConfigureAwait(false)))
                : person.Findings;
            foreach (var finding in found)
            {
                findings.TryAdd(finding.ItemId, (finding, person));
            }
        }

        var existing = await ReadItemsAsync(persons.Keys, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var changes = new List<(WorklistItem? Before, WorklistItem After)>();
        foreach (var (id, (finding, person)) in findings)
        {
            var before = existing.GetValueOrDefault(id);
            var after = Found(before, finding, person, batchId, now);
            if (after is not null)
            {
                changes.Add((before, after));
            }
        }

        foreach (var before in existing.Values.Where(i => i.Status == WorklistStatus.Open && !findings.ContainsKey(i.Id)))
        {
            changes.Add((before, before with
            {
                Status = WorklistStatus.Resolved,
                UpdatedAt = now,
                History = [.. before.History, new WorklistHistoryEntry(now, HubActor, "resolved", "the condition no longer holds", batchId)],
            }));
        }

        await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        var opened = changes.Count(c => c.After.Status == WorklistStatus.Open && c.Before?.Status != WorklistStatus.Open);
        var resolved = changes.Count(c => c.After.Status == WorklistStatus.Resolved);
        LogApplied(_logger, batchId, persons.Count, findings.Count, opened, resolved);
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
        return row?.ToItem();
    }

    /// <summary>
    /// One page of the items in <paramref name="scope"/>: one partition's range for a department or a street, a
    /// partition range for a county or city, of <paramref name="status"/> only when given.
    /// </summary>
    public async Task<WorklistPage> ListAsync(WorklistScope scope, WorklistStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string partitionFilter;
        if (scope.Department is { } department)
        {
            var partition = WorklistRows.Department(department.Value);
            partitionFilter = TableFilter.Of($"PartitionKey eq {partition}");
        }
        else if (scope.Division.Prefix.Length >= 9)
        {
            var partition = WorklistRows.Street(scope.Division.Street);
            partitionFilter = TableFilter.Of($"PartitionKey eq {partition}");
        }
        else
        {
            var low = WorklistRows.Street(scope.Division.Prefix);
            var high = low + "~";
            partitionFilter = TableFilter.Of($"PartitionKey ge {low} and PartitionKey lt {high}");
        }

        var filter = partitionFilter;
        if (status is { } wanted)
        {
            var low = WorklistRows.StatusName(wanted) + "|";
            var high = WorklistRows.StatusName(wanted) + "}";
            filter = $"{partitionFilter} and {TableFilter.Of($"RowKey ge {low} and RowKey lt {high}")}";
        }

        var page = await _storage.WorklistTable.QueryPageAsync<WorklistEntity>(filter, continuationToken, pageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new WorklistPage(page.Items.Select(r => r.ToItem()).ToList(), page.ContinuationToken);
    }

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

        var before = row.ToItem();
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
        var written = await _storage.WorklistTable.UpdateAsync(WorklistEntity.ItemRow(after), row.Version!.Value, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (!written.IsWritten)
        {
            var latest = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            return latest is null ? (WorklistDecisionOutcome.Unknown, null) : (WorklistDecisionOutcome.NotOpen, latest);
        }

        await WriteIndexAsync([(before, after)], cancellationToken).ConfigureAwait(false);
        return (WorklistDecisionOutcome.Decided, after);
    }

    // The item after a finding: null when nothing changes.
    private static WorklistItem? Found(WorklistItem? before, CheckFinding finding, EvaluatedPerson person, string batchId, DateTimeOffset now)
    {
        if (before is null)
        {
            return new WorklistItem
            {
                Id = finding.ItemId,
                Rule = finding.Rule.Id,
                Owner = finding.Rule.Owner,
                PersonKey = finding.PersonKey,
                Status = WorklistStatus.Open,
                Evidence = finding.Evidence,
                History = [new WorklistHistoryEntry(now, HubActor, "opened", null, batchId)],
                OpenedAt = now,
                UpdatedAt = now,
                Residence = person.Residence,
                Registration = person.Registration,
                Name = person.Name,
                NameSource = person.NameSource,
            };
        }

        var refreshed = before with
        {
            Evidence = finding.Evidence,
            Residence = person.Residence,
            Registration = person.Registration,
            Name = person.Name,
            NameSource = person.NameSource,
        };
        if (before.Status == WorklistStatus.Resolved)
        {
            return refreshed with
            {
                Status = WorklistStatus.Open,
                UpdatedAt = now,
                History = [.. before.History, new WorklistHistoryEntry(now, HubActor, "reopened", "the condition holds again", batchId)],
            };
        }

        var same = WorklistEntity.EvidenceJson(before.Evidence) == WorklistEntity.EvidenceJson(refreshed.Evidence)
            && before.Residence == refreshed.Residence
            && before.Registration == refreshed.Registration
            && before.Name == refreshed.Name
            && before.NameSource == refreshed.NameSource;
        return same ? null : refreshed with { UpdatedAt = now };
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

    private async Task<Dictionary<string, WorklistItem>> ReadItemsAsync(IEnumerable<PersonKey> persons, CancellationToken cancellationToken)
    {
        var keys = persons.ToHashSet();
        var items = new Dictionary<string, WorklistItem>(StringComparer.Ordinal);
        foreach (var (first, last) in GroupMerger.ReadRanges(keys.Select(k => k.Partition).Distinct(), 8))
        {
            var low = WorklistRows.ItemPartition(first);
            var high = WorklistRows.ItemPartition(last);
            var filter = TableFilter.Of($"PartitionKey ge {low} and PartitionKey le {high}");
            await foreach (var row in _storage.WorklistTable.QueryAsync<WorklistEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (PersonKey.TryParse(row.PersonKey, out var key) && keys.Contains(key))
                {
                    items[row.Id] = row.ToItem();
                }
            }
        }

        return items;
    }

    private async Task WriteAsync(IReadOnlyList<(WorklistItem? Before, WorklistItem After)> changes, CancellationToken cancellationToken)
    {
        // Items before their index rows: a write that stops in between is repaired by the next evaluation of the person.
        foreach (var partition in changes.Select(c => WorklistEntity.ItemRow(c.After)).GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
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
            var rows = WorklistEntity.IndexRows(after);
            writes.AddRange(rows.Select(r => EntityChange.Upsert(r)));
            if (before is not null)
            {
                var kept = rows.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
                writes.AddRange(WorklistEntity.IndexRows(before).Where(r => !kept.Contains((r.PartitionKey, r.RowKey))).Select(r => EntityChange.Delete(r.PartitionKey, r.RowKey)));
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

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Batch {BatchId}: checks evaluated {Persons} persons, {Findings} findings, {Opened} items opened or reopened, {Resolved} resolved by the data")]
    private static partial void LogApplied(ILogger logger, string batchId, int persons, int findings, int opened, int resolved);
}
