using System.Collections.Concurrent;
using System.Globalization;
using Hub.Core.Access.Residents;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Retention;

/// <summary>
/// Finds the persons whose retention (<see cref="RetentionOptions"/>) has run out and erases them: their resident and
/// candidate index rows, what else holds them (<see cref="PersonCopies"/>: worklist items, grants, correction requests,
/// the steward's queue, change events), then, for each of their keys, the data key first, in one transaction with the
/// view that carries a copy of it (from that moment every sealed copy of their values, wherever it lingers, stays
/// closed: crypto-shredding), and every other row the key has in the facts table (facts, links, members, history). Each erasure is one <c>person.erase</c> audit event naming
/// the keys; the audit trail keeps person keys only, so it stays whole. A dry run reports the same list and changes
/// nothing. An erasure stopped half way is finished by the next sweep: what is left of the person still expires.
/// </summary>
public sealed partial class RetentionSweep
{
    /// <summary>The actor recorded for erasures the schedule makes.</summary>
    public const string SystemActor = "retention";

    private const int Concurrency = 8;

    private readonly HubStorage _storage;
    private readonly FactStore _facts;
    private readonly KeyRing _keys;
    private readonly PersonResolver _resolver;
    private readonly ResidentRowBuilder _rows;
    private readonly ResidentIndex _index;
    private readonly PersonCopies _copies;
    private readonly ProfileBuilder _profiles;
    private readonly ProfileRules _rules;
    private readonly AuditLog _audit;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionSweep> _logger;

    internal RetentionSweep(
        HubStorage storage, FactStore facts, KeyRing keys, PersonResolver resolver, ResidentRowBuilder rows, ResidentIndex index, PersonCopies copies,
        ProfileBuilder profiles, ProfileRules rules, AuditLog audit, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweep> logger)
    {
        (_storage, _facts, _keys, _resolver, _rows, _index, _copies) = (storage, facts, keys, resolver, rows, index, copies);
        (_profiles, _rules, _audit, _options, _time, _logger) = (profiles, rules, audit, options.Value, time, logger);
    }

    /// <summary>The sweep the schedule runs: erases, each person one audit event, unless <see cref="RetentionOptions.EraseOnSchedule"/> is off.</summary>
    public Task<RetentionReport> RunScheduledAsync(CancellationToken cancellationToken = default) =>
        RunAsync(dryRun: !_options.EraseOnSchedule, new AuditActor(SystemActor, "system"), cancellationToken);

    /// <summary>
    /// Reads every person; erases those expired unless <paramref name="dryRun"/>, each erasure audited as done by
    /// <paramref name="actor"/>; with no actor the caller audits the whole sweep as one event (a request does).
    /// </summary>
    public async Task<RetentionReport> RunAsync(bool dryRun, AuditActor? actor, CancellationToken cancellationToken = default)
    {
        var today = _rules.DayOf(_time.GetUtcNow());
        var expired = new ConcurrentBag<(ExpiredPerson Person, PersonRows Rows, IReadOnlyList<FactView> Facts)>();
        var remnants = new ConcurrentBag<ErasureRemnant>();
        var checkedPersons = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, PersonKey.PartitionCount), parallel, async (partition, token) =>
        {
            var filter = TableFilter.Of($"PartitionKey eq {PersonKey.FormatPartition(partition)}");
            var byKey = (await _storage.FactsTable.QueryRowsAsync(filter, token).ToListAsync(token).ConfigureAwait(false))
                .GroupBy(r => ResolutionRows.PersonKeyOf(r.RowKey), StringComparer.Ordinal)
                .ToList();
            var left = byKey.Select(ErasureRemnant.Of).OfType<ErasureRemnant>().ToList();
            foreach (var remnant in left)
            {
                remnants.Add(remnant);
            }

            var rows = byKey.Where(g => left.All(r => r.PersonKey.Value != g.Key)).SelectMany(g => g).ToList();
            var rowCounts = rows.GroupBy(r => ResolutionRows.PersonKeyOf(r.RowKey), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var person in PersonRows.Group(rows, _keys).Values.Where(p => !p.IsLinkedElsewhere && (p.Facts.Count > 0 || p.Members.Count > 0)))
            {
                Interlocked.Increment(ref checkedPersons);
                var facts = person.Members.Count > 0
                    ? await _resolver.ReadMembersAsync(person, token).ConfigureAwait(false)
                    : person.Facts.Select(f => f.ToView()).ToList();
                if (Expiry(PersonKey.Parse(person.PersonKey), facts, today) is { } kept && kept.Until < today)
                {
                    var keys = person.Members.Select(m => PersonKey.Parse(m.Member)).Prepend(PersonKey.Parse(person.PersonKey)).ToList();
                    expired.Add((new ExpiredPerson(keys[0], keys, kept.Until, kept.For, rowCounts.GetValueOrDefault(person.PersonKey)), person, facts));
                }
            }
        }).ConfigureAwait(false);

        var found = expired.OrderBy(e => e.Person.PersonKey.Value, StringComparer.Ordinal).ToList();
        var unfinished = remnants.OrderBy(r => r.PersonKey.Value, StringComparer.Ordinal).ToList();
        var erasedRows = 0;
        if (!dryRun)
        {
            foreach (var remnant in unfinished)
            {
                erasedRows += await FinishAsync(remnant, actor, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (person, rows, facts) in found)
            {
                erasedRows += await EraseAsync(person, rows, facts, actor, today, cancellationToken).ConfigureAwait(false);
            }
        }

        LogSwept(_logger, dryRun, checkedPersons, found.Count, erasedRows);
        return new RetentionReport(dryRun, today, checkedPersons, [.. found.Select(f => f.Person)], dryRun ? 0 : found.Count, erasedRows)
        {
            Unfinished = [.. unfinished.Select(r => r.PersonKey)],
        };
    }

    /// <summary>
    /// Erases what <paramref name="source"/> holds of the person with key <paramref name="key"/>, at the department's
    /// request: its records under every key of the person, with the view and index rows rebuilt from what the other
    /// departments hold; when nothing else is left, the whole person as the sweep erases them. The caller audits.
    /// </summary>
    public async Task<SourceErasure> EraseSourceAsync(PersonKey key, string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var today = _rules.DayOf(_time.GetUtcNow());
        var person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        var goldenKey = PersonKey.Parse(person.Golden);
        var golden = goldenKey == key ? person : await _facts.ReadPersonAsync(goldenKey, cancellationToken).ConfigureAwait(false);
        var keys = golden.Members.Select(m => PersonKey.Parse(m.Member)).Prepend(goldenKey).ToList();
        var all = golden.Members.Count > 0
            ? await _resolver.ReadMembersAsync(golden, cancellationToken).ConfigureAwait(false)
            : golden.Facts.Select(f => f.ToView()).ToList();
        var theirs = all.Count(f => f.Source == source);
        if (theirs == 0)
        {
            return new SourceErasure(goldenKey, keys, 0, PersonErased: false);
        }

        if (all.All(f => f.Source == source))
        {
            var rows = await EraseAsync(new ExpiredPerson(goldenKey, keys, today, "request:" + source, 0), golden, all, actor: null, today, cancellationToken).ConfigureAwait(false);
            return new SourceErasure(goldenKey, keys, theirs, PersonErased: rows > 0);
        }

        // The index rows the person had, before their facts change, so rows only the erased records placed go too.
        var before = golden.IndexRows?.GetKeys() ?? _rows.Build(goldenKey, all, today).Select(r => (r.PartitionKey, r.RowKey)).ToList();
        foreach (var each in keys)
        {
            await EraseSourceOfKeyAsync(each, source, cancellationToken).ConfigureAwait(false);
        }

        var remaining = all.Where(f => f.Source != source).ToList();
        var changes = new ResidentChanges();
        changes.Replace(before, _rows.Build(goldenKey, remaining, today));
        await _index.ApplyAsync(changes, Concurrency, cancellationToken).ConfigureAwait(false);
        await _resolver.RebuildAsync([goldenKey.Value], Concurrency, cancellationToken).ConfigureAwait(false);
        return new SourceErasure(goldenKey, keys, theirs, PersonErased: false);
    }

    // The key's view is written again from what is left, then the source's facts go: a merge planned from the view in
    // between never copies an erased fact back into it, and a sweep that stops in between finds the facts and goes on.
    private async Task EraseSourceOfKeyAsync(PersonKey key, string source, CancellationToken cancellationToken)
    {
        var person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        var gone = person.Facts.Where(f => f.Source == source).ToList();
        var left = person.Facts.Where(f => f.Source != source).Select(f => f.ToView()).ToList();
        if (gone.Count > 0 && person.ViewToWrite(left) is { } view)
        {
            var writes = new List<EntityChange>();
            if (person.KeyToWrite() is { } keyRow)
            {
                writes.Add(keyRow);
            }

            writes.Add(person.View is { Version: { } version } ? EntityChange.Update(view, version) : EntityChange.Upsert(view));
            (await _storage.FactsTable.SubmitAsync(writes, cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
        }

        await DeleteRowsAsync(key, [.. gone.Select(f => f.RowKey)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The last day <paramref name="facts"/> keep their person, and what sets it; null while a membership is active.
    /// A membership keeps its person for its group's years after its last day; a record for its source's years after
    /// it last changed or ended.
    /// </summary>
    internal (DateOnly Until, string For)? Expiry(PersonKey person, IReadOnlyList<FactView> facts, DateOnly today)
    {
        var profile = _profiles.Build(person, facts, today);
        if (profile.Memberships.Any(m => m.IsActiveOn(today)))
        {
            return null;
        }

        var reasons = profile.Memberships
            .Select(m => (Until: (m.LastDay ?? m.HolderDeceasedOn ?? today).AddYears(_options.YearsForGroup(m.Group.Value)), For: "membership:" + m.Group.Value))
            .Concat(facts.Select(f => (Until: LastArrival(f).AddYears(_options.YearsForSource(f.Source)), For: "record:" + f.Source)))
            .ToList();
        return reasons.Count == 0 ? null : reasons.MaxBy(r => r.Until);
    }

    private DateOnly LastArrival(FactView fact)
    {
        var last = fact.EndedAt ?? fact.UpdatedAt;
        if (BatchId.TryParse(fact.LastBatch, out var batch) && batch.ReceivedAt is { } received && received > last)
        {
            last = received;
        }

        return _rules.DayOf(last);
    }

    private async Task<int> EraseAsync(ExpiredPerson person, PersonRows rows, IReadOnlyList<FactView> facts, AuditActor? actor, DateOnly today, CancellationToken cancellationToken)
    {
        // The derived copies first: a sweep stopped after them leaves the facts, which expire again next time.
        var changes = new ResidentChanges();
        var before = rows.IndexRows?.GetKeys() ?? _rows.Build(person.PersonKey, facts, today).Select(r => (r.PartitionKey, r.RowKey)).ToList();
        changes.Replace(before, []);
        await _index.ApplyAsync(changes, Concurrency, cancellationToken).ConfigureAwait(false);
        var erased = await _copies.EraseAsync(person.Keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in person.Keys)
        {
            erased += await EraseKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (actor is null)
        {
            return erased;
        }

        await _audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Action = AuditAction.PersonErase,
                Resource = string.Create(CultureInfo.InvariantCulture, $"retention:{person.KeptFor}:{person.KeptUntil:yyyy-MM-dd}"),
                PersonKeys = person.Keys,
                Outcome = AuditOutcome.Allowed,
                RecordCount = erased,
            },
            cancellationToken).ConfigureAwait(false);
        return erased;
    }

    // An erasure stopped after a key's data key went: its sealed rows no longer open, so nothing can read or merge them,
    // and the keys its member rows name were erased with it (their index rows and copies went before the facts). The rest
    // of each goes now, as the erasure would have taken it, and the erasure's event, which comes last, is written.
    private async Task<int> FinishAsync(ErasureRemnant remnant, AuditActor? actor, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var key in remnant.Keys)
        {
            erased += await EraseKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (actor is not null)
        {
            await _audit.AppendAsync(
                new AuditEvent
                {
                    Actor = actor,
                    Action = AuditAction.PersonErase,
                    Resource = "retention:unfinished",
                    PersonKeys = remnant.Keys,
                    Outcome = AuditOutcome.Allowed,
                    RecordCount = erased,
                },
                cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    // The data key goes first, with the view, which carries a copy of it, in one transaction (both are in the key's
    // partition): once they are gone nothing sealed for the key opens, whatever else is left, and no stop in between
    // leaves a view that opens without its key row. When the rows read hold no view, a keyless marker is written in its
    // place instead, since a merge may have added a view (with a copy of the key) since they were read; the marker goes
    // with the rest. Should the transaction meet the key row gone already (a sweep beside this one), the two are deleted
    // one by one, the view first, so the key row is still the last copy of the key to go.
    private async Task<int> EraseKeyAsync(PersonKey key, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey eq {key.PartitionKey} and RowKey ge {key.Value + "|"} and RowKey lt {key.Value + "}"}");
        var rowKeys = await _storage.FactsTable.QueryAsync<BareRow>(filter, select: ["RowKey"], cancellationToken: cancellationToken)
            .Select(r => r.RowKey).ToListAsync(cancellationToken).ConfigureAwait(false);
        var (dataKey, view) = (ResolutionRows.DataKey(key.Value), ResolutionRows.View(key.Value));
        var rest = rowKeys.Where(r => r != dataKey && r != view).ToList();
        if (rowKeys.Contains(dataKey))
        {
            var closeView = rowKeys.Contains(view) ? EntityChange.Delete(key.PartitionKey, view) : EntityChange.Upsert(PersonViewEntity.Resolved(key.Value));
            var result = await _storage.FactsTable.SubmitAsync([closeView, EntityChange.Delete(key.PartitionKey, dataKey)], cancellationToken).ConfigureAwait(false);
            if (result.Outcome == WriteOutcome.Missing)
            {
                await DeleteRowsAsync(key, [view, dataKey], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                result.ThrowIfNotWritten();
            }

            rest.Add(view);
        }
        else if (rowKeys.Contains(view))
        {
            rest.Add(view);
        }

        await DeleteRowsAsync(key, rest, cancellationToken).ConfigureAwait(false);
        return rowKeys.Count;
    }

    // A key's rows share its partition: deleted 100 to a transaction.
    private Task<int> DeleteRowsAsync(PersonKey key, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken) =>
        _storage.FactsTable.DeleteRowsAsync(rowKeys.Select(r => new BareRow(key.PartitionKey, r)), cancellationToken);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Retention sweep (dry run {DryRun}): {Checked} persons checked, {Expired} expired, {Rows} rows erased")]
    private static partial void LogSwept(ILogger logger, bool dryRun, int @checked, int expired, int rows);
}
