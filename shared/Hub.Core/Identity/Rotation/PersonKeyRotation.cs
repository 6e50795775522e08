using System.Text;
using Hub.Core.Checks;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// Rotates the pepper person keys are made with: with <c>Hub:PersonKey:Pepper</c> set to the new pepper and
/// <c>RetiredPepper</c> to the old one, every person key made with the old pepper is given the key the new one makes
/// (<see cref="RotatedKeys"/>) and every row that names it follows. The run goes in stages, each over the 1,024 facts
/// partitions with a mark per partition done, so a run stopped anywhere is continued by the next and does nothing twice:
/// map every key (<see cref="KeyMapper"/>), move every key's facts-table rows (<see cref="KeyMover"/>), move the
/// worklist items, grants, correction requests and the steward's queue (<see cref="KeyRemapper"/>), then reconcile the
/// resident and candidate index, which deletes the rows of the old keys and builds the new keys' rows and views under
/// the new pepper. The audit trail and the change events are history and keep the keys they were written with; the
/// <see cref="KeyMap"/>, kept after the run, tells the old key of a new one and back.
/// </summary>
public sealed partial class PersonKeyRotation : IPersonKeyHistory
{
    private const int Concurrency = 4;

    private readonly HubStorage _storage;
    private readonly KeyRing _keys;
    private readonly PersonKeyHasher _hasher;
    private readonly SourceCatalog _sources;
    private readonly ResidentReconciler _reconciler;
    private readonly Worklist _worklist;
    private readonly PersonResolver _resolver;
    private readonly FactStore _facts;
    private readonly TimeProvider _time;
    private readonly ILogger<PersonKeyRotation> _logger;

    internal PersonKeyRotation(HubStorage storage, KeyRing keys, PersonKeyHasher hasher, SourceCatalog sources, ResidentReconciler reconciler, Worklist worklist, PersonResolver resolver, FactStore facts, TimeProvider time, ILogger<PersonKeyRotation> logger)
    {
        _storage = storage;
        _keys = keys;
        _hasher = hasher;
        _sources = sources;
        _reconciler = reconciler;
        _worklist = worklist;
        _resolver = resolver;
        _facts = facts;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether a retired pepper is configured, so there is something to rotate away from.</summary>
    public bool CanRotate => _hasher.Retired is not null;

    // Which rotation the state rows are about: a keyed hash under the current pepper, never the pepper itself.
    private string Fingerprint => Convert.ToHexStringLower(_hasher.KeyedHash(Encoding.ASCII.GetBytes("person-key-rotation")).AsSpan(0, 8));

    /// <summary>
    /// The keys a person with ID number <paramref name="id"/> may be stored under, to try in order: the current
    /// pepper's, then, while a retired pepper is configured, the retired one's (a person the rotation has not moved yet).
    /// </summary>
    public IReadOnlyList<PersonKey> KeysOf(ResidentId id) =>
        _hasher.Retired is { } retired ? [_hasher.Hash(id), retired.Hash(id)] : [_hasher.Hash(id)];

    /// <summary>The key a rotation moved <paramref name="old"/> to; null when it moved no such key.</summary>
    public async Task<PersonKey?> MovedToAsync(PersonKey old, CancellationToken cancellationToken = default) =>
        await new KeyMap(_storage).NewOfAsync(old, cancellationToken).ConfigureAwait(false);

    /// <summary>The key a rotation moved to <paramref name="key"/>; null when <paramref name="key"/> replaced none.</summary>
    public async Task<PersonKey?> MovedFromAsync(PersonKey key, CancellationToken cancellationToken = default) =>
        await new KeyMap(_storage).OldOfAsync(key, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Every key the person <paramref name="key"/> names has been stored under, oldest first: the key before the last
    /// pepper rotation, then the current one. An old key given stands for its person too, so it yields the same list.
    /// The audit trail keeps the keys its events were written with, and a person's history reads under both.
    /// </summary>
    public async Task<IReadOnlyList<PersonKey>> KeysOfPersonAsync(PersonKey key, CancellationToken cancellationToken = default)
    {
        if (await MovedToAsync(key, cancellationToken).ConfigureAwait(false) is { } moved)
        {
            return [key, moved];
        }

        return await MovedFromAsync(key, cancellationToken).ConfigureAwait(false) is { } former ? [former, key] : [key];
    }

    /// <summary>Where the rotation to the current pepper stands.</summary>
    public async Task<RotationProgress> ReadAsync(CancellationToken cancellationToken = default) =>
        Progress(await ReadStateAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Whether a rotation to the current pepper has started and not finished: feeds wait while it runs.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default) =>
        CanRotate && await ReadStateAsync(cancellationToken).ConfigureAwait(false) is { Status: not nameof(RotationStage.Done) };

    /// <summary>
    /// Starts the rotation, writing only its state, so feeds are held from this moment while <see cref="RunAsync"/>
    /// does the work; a rotation already started or finished is left as it is.
    /// </summary>
    public async Task<RotationProgress> StartAsync(CancellationToken cancellationToken = default)
    {
        _ = _hasher.Retired ?? throw new InvalidOperationException("Hub:PersonKey:RetiredPepper is not configured: there is no pepper to rotate away from.");
        return Progress(await StartedAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Starts the rotation, or continues it from where it stopped, and runs it to the end; a finished rotation is left
    /// as it is. Throws <see cref="InvalidOperationException"/> when no retired pepper is configured.
    /// </summary>
    public async Task<RotationProgress> RunAsync(CancellationToken cancellationToken = default)
    {
        var retired = _hasher.Retired ?? throw new InvalidOperationException("Hub:PersonKey:RetiredPepper is not configured: there is no pepper to rotate away from.");
        var state = await StartedAsync(cancellationToken).ConfigureAwait(false);
        var map = new KeyMap(_storage);
        if (state.Status == nameof(RotationStage.Mapping))
        {
            var mapper = new KeyMapper(_storage, _keys, new RotatedKeys(_hasher, retired, _sources), map);
            state.KeysMapped = await EachPartitionAsync(RotationStateEntity.Mapped, (p, _, token) => mapper.MapPartitionAsync(p, token), cancellationToken).ConfigureAwait(false);
            await AdvanceAsync(state, RotationStage.Moving, cancellationToken).ConfigureAwait(false);
        }

        if (state.Status == nameof(RotationStage.Moving))
        {
            var mover = new KeyMover(_storage, _keys);
            state.RowsMoved = await EachPartitionAsync(RotationStateEntity.Moved, async (p, lookup, token) =>
            {
                var moved = 0;
                foreach (var (from, to) in await lookup.PartitionAsync(p, token).ConfigureAwait(false))
                {
                    moved += await mover.MoveAsync(PersonKey.Parse(from), PersonKey.Parse(to), lookup, token).ConfigureAwait(false);
                }

                return moved;
            }, cancellationToken).ConfigureAwait(false);
            await AdvanceAsync(state, RotationStage.Remapping, cancellationToken).ConfigureAwait(false);
        }

        if (state.Status == nameof(RotationStage.Remapping))
        {
            var remapper = new KeyRemapper(_storage);
            var remapped = await EachPartitionAsync(RotationStateEntity.Remapped, async (p, lookup, token) =>
            {
                await lookup.PartitionAsync(p, token).ConfigureAwait(false);
                return await _worklist.RekeyAsync(p, lookup.Map, FactsOfAsync, token).ConfigureAwait(false)
                    + await remapper.RemapGrantsAsync(p, lookup, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            var lookup = new KeyLookup(map);
            remapped += await remapper.RemapCorrectionsAsync(lookup, cancellationToken).ConfigureAwait(false);
            remapped += await remapper.RemapReviewsAsync(lookup, cancellationToken).ConfigureAwait(false);
            state.RowsRemapped = remapped;
            await AdvanceAsync(state, RotationStage.Reconciling, cancellationToken).ConfigureAwait(false);
        }

        if (state.Status == nameof(RotationStage.Reconciling))
        {
            await _reconciler.RunAsync(cancellationToken).ConfigureAwait(false);
            state.FinishedAt = _time.GetUtcNow();
            await AdvanceAsync(state, RotationStage.Done, cancellationToken).ConfigureAwait(false);
            LogFinished(_logger, state.KeysMapped, state.RowsMoved, state.RowsRemapped);
        }

        return Progress(state);
    }

    private async Task<RotationStateEntity> StartedAsync(CancellationToken cancellationToken)
    {
        if (await ReadStateAsync(cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        var state = new RotationStateEntity { RowKey = RotationStateEntity.Rotation, Pepper = Fingerprint, Status = nameof(RotationStage.Mapping), StartedAt = _time.GetUtcNow() };
        await ClearMarksAsync(cancellationToken).ConfigureAwait(false);
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        LogStarted(_logger);
        return state;
    }

    // Runs one stage over every facts partition not marked done, marking each with its count; returns the stage's total.
    private async Task<long> EachPartitionAsync(Func<int, string> mark, Func<int, KeyLookup, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var marks = await _storage.KeyMapTable.QueryAsync<RotationStateEntity>(TableFilter.Of($"PartitionKey eq {RotationStateEntity.Partition}"), cancellationToken: cancellationToken)
            .ToDictionaryAsync(r => r.RowKey, r => r.KeysMapped, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        long total = Enumerable.Range(0, PersonKey.PartitionCount).Sum(p => marks.GetValueOrDefault(mark(p)));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, PersonKey.PartitionCount).Where(p => !marks.ContainsKey(mark(p))), parallel, async (partition, token) =>
        {
            var count = await work(partition, new KeyLookup(new KeyMap(_storage)), token).ConfigureAwait(false);
            await _storage.KeyMapTable.UpsertAsync(new RotationStateEntity { RowKey = mark(partition), Pepper = Fingerprint, KeysMapped = count }, EntityUpdateMode.Replace, token).ConfigureAwait(false);
            Interlocked.Add(ref total, count);
        }).ConfigureAwait(false);
        return total;
    }

    private async Task<IReadOnlyList<FactView>> FactsOfAsync(PersonKey person, CancellationToken cancellationToken)
    {
        var rows = await _facts.ReadPersonAsync(person, cancellationToken).ConfigureAwait(false);
        return rows.Members.Count > 0
            ? await _resolver.ReadMembersAsync(rows, cancellationToken).ConfigureAwait(false)
            : [.. rows.Facts.Select(f => f.ToView())];
    }

    private async Task AdvanceAsync(RotationStateEntity state, RotationStage next, CancellationToken cancellationToken)
    {
        state.Status = next.ToString();
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        LogStage(_logger, next);
    }

    private async Task SaveAsync(RotationStateEntity state, CancellationToken cancellationToken) =>
        await _storage.KeyMapTable.UpsertAsync(state, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    // The state of the rotation to the current pepper; null when none has started (or the last one was to another pepper).
    private async Task<RotationStateEntity?> ReadStateAsync(CancellationToken cancellationToken)
    {
        var state = await _storage.KeyMapTable.GetAsync<RotationStateEntity>(RotationStateEntity.Partition, RotationStateEntity.Rotation, cancellationToken).ConfigureAwait(false);
        return state?.Pepper == Fingerprint ? state : null;
    }

    // The partition marks of an earlier rotation (to another pepper) say nothing about this one.
    private async Task ClearMarksAsync(CancellationToken cancellationToken)
    {
        var marks = await _storage.KeyMapTable.QueryAsync<BareRow>(TableFilter.Of($"PartitionKey eq {RotationStateEntity.Partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .Where(r => r.RowKey != RotationStateEntity.Rotation).ToListAsync(cancellationToken).ConfigureAwait(false);
        await _storage.KeyMapTable.DeleteRowsAsync(marks, cancellationToken).ConfigureAwait(false);
    }

    private RotationProgress Progress(RotationStateEntity? state) => state is null
        ? new RotationProgress(RotationStage.None, CanRotate, 0, 0, 0, null, null)
        : new RotationProgress(Enum.Parse<RotationStage>(state.Status), CanRotate, state.KeysMapped, state.RowsMoved, state.RowsRemapped, state.StartedAt, state.FinishedAt);

    [LoggerMessage(EventId = 2901, Level = LogLevel.Information, Message = "Person key rotation started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Information, Message = "Person key rotation reached stage {Stage}")]
    private static partial void LogStage(ILogger logger, RotationStage stage);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Information, Message = "Person key rotation finished: {Keys} keys mapped, {Moved} facts rows moved, {Remapped} other rows remapped")]
    private static partial void LogFinished(ILogger logger, long keys, long moved, long remapped);
}
