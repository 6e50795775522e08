using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Keeps the views of linked persons, which a merge cannot write: a golden person's view holds their own and their
/// members' facts, and each member's view names the golden person. A member and its golden person may live in different
/// partitions, and a merge group writes one partition at a time, so these views are written after every group of a
/// batch is merged and every link is written, for each golden person the batch (or a steward's decision, an erasure,
/// the reconciliation) touched, and for the keys of their own whose view is a marker only this pass replaces.
/// </summary>
/// <remarks>
/// Each view is written guarded by the version read with the rows it follows from; when another writer changed one in
/// between, the person is read and written again, so the last writer always wrote from what it read last. Until then a
/// reader sees the person as they were before the batch, or, while links change, the marker that sends it to the rows.
/// A batch that stops before this pass is resumed and classifies the same persons again.
/// </remarks>
internal sealed class LinkedViews(HubStorage storage, FactStore facts)
{
    /// <summary>
    /// Writes the views of <paramref name="keys"/> (keys the resolver owes one, <see cref="ResolutionWork.Views"/>), each
    /// read as <see cref="RefreshAsync"/> reads it: by its keys where <paramref name="known"/> and its view show that
    /// they give its range's rows (a record the batch left to itself, under the batch's own marker), else by its range.
    /// </summary>
    public async Task WriteAsync(IEnumerable<string> keys, int concurrency, KnownRows? known = null, CancellationToken cancellationToken = default)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys.Distinct(StringComparer.Ordinal), parallel, async (key, token) =>
            await RefreshAsync(PersonKey.Parse(key), known, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads <paramref name="key"/> and its members and writes the views that follow; returns the rows read last and the
    /// person's facts with their members' (null for a key linked elsewhere). With <paramref name="known"/> (what a batch
    /// knows, <see cref="ResolutionWork.KnownFactRows"/>), the person is read by their keys where their view and the
    /// batch name every row their range would give (<see cref="ReadByKeysAsync"/>), and their members as
    /// <see cref="ReadMemberRowsAsync"/> reads them. After a conflict (another writer changed a view since it was read)
    /// the person and every member not in <see cref="KnownRows.Facts"/> are read by their ranges.
    /// </summary>
    public async Task<(PersonRows Person, IReadOnlyList<FactView>? Resolved)> RefreshAsync(PersonKey key, KnownRows? known, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = attempt == 1 ? known : null;
            var person = (first is not null ? await ReadByKeysAsync(key, first, cancellationToken).ConfigureAwait(false) : null)
                ?? await facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<PersonRows> members = person.IsLinkedElsewhere ? [] : await ReadMembersAsync(person, known?.Facts, first, cancellationToken).ConfigureAwait(false);
            var (resolved, writes) = Plan(key, person, members);
            if (await TryWriteAllAsync(writes, cancellationToken).ConfigureAwait(false))
            {
                return (person, resolved);
            }

            if (attempt == FactStore.MaxCommitAttempts)
            {
                throw new PartitionContendedException(key.PartitionKey, attempt);
            }
        }
    }

    /// <summary>
    /// The rows of each of a golden person's members, in member order: a member in <see cref="KnownRows.Facts"/> by point
    /// reads of its known rows; a member the golden person's view names, when that view is proven current, by point
    /// reads of the rows its copy names (see <see cref="MemberCopies"/>); any other by its range. Without
    /// <paramref name="known"/> every member is read by its range.
    /// </summary>
    public Task<IReadOnlyList<PersonRows>> ReadMemberRowsAsync(PersonRows golden, KnownRows? known = null, CancellationToken cancellationToken = default) =>
        ReadMembersAsync(golden, known?.Facts, known, cancellationToken);

    private async Task<IReadOnlyList<PersonRows>> ReadMembersAsync(PersonRows golden, IReadOnlyDictionary<string, IReadOnlyList<string>>? knownFacts, KnownRows? known, CancellationToken cancellationToken)
    {
        var copies = known is null ? null : MemberCopies(golden, known);
        var members = new List<PersonRows>(golden.Members.Count);
        foreach (var member in golden.Members)
        {
            var key = PersonKey.Parse(member.Member);
            var factRows = knownFacts?.GetValueOrDefault(key.Value) ?? copies?.GetValueOrDefault(key.Value);
            members.Add(factRows is not null
                ? await ReadMemberAsync(key, factRows, cancellationToken).ConfigureAwait(false)
                : await facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false));
        }

        return members;
    }

    /// <summary>
    /// The fact rows of the members a golden person's view holds copies of, by member, as far as the copy shows them: for
    /// each member the view names (and the golden person's member rows still hold) that the batch's merge did not change
    /// (<see cref="KnownRows.OwnChanged"/>), the row key each of the copy's facts that are not the golden person's own
    /// would have under that member's key (<see cref="FactEntity.RowKeyOf"/>; a key it does not have is not found). Only
    /// when the view holds the rows it stands for (<see cref="PersonViewEntity.HeldRows"/>: no marker, or the batch's
    /// own), and only while that costs at most <see cref="MaxCopyReads"/> point reads a member; else nothing, and the
    /// members are read by their ranges.
    /// </summary>
    /// <remarks>
    /// The copy was written whole from the ranges of the golden person and every member it names, guarded by the version
    /// read with them. A fact row is only ever added to a key by a merge: one by this batch puts the key in
    /// <see cref="KnownRows.OwnChanged"/> (read by its range here); one by another batch sends that batch to rebuild this
    /// golden person, reading the key by its range, and each writes the view guarded by the version it read, so the view
    /// written last follows from every fact. A fact removed since is not found, as the range would not find it.
    /// </remarks>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> MemberCopies(PersonRows golden, KnownRows known)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(known);
        var byMember = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (golden.IsLinkedElsewhere || golden.View?.HeldRows(known.Mark) is not { } held)
        {
            return byMember;
        }

        // Every copy but one for each of the golden person's own facts: what is left is the members'.
        var copies = golden.View.ReadHeldFacts().ToList();
        foreach (var own in held.OwnFacts)
        {
            var index = copies.FindIndex(c => FactEntity.RowKeyOf(golden.PersonKey, c) == own);
            if (index < 0)
            {
                // A copy naming a fact it does not hold is not the copy the rows were written from.
                return byMember;
            }

            copies.RemoveAt(index);
        }

        var named = held.Members.ToHashSet(StringComparer.Ordinal);
        foreach (var member in golden.Members.Select(m => m.Member).Where(m => named.Contains(m) && !known.OwnChanged.Contains(m)))
        {
            var rows = copies.Select(c => FactEntity.RowKeyOf(member, c)).Distinct(StringComparer.Ordinal).ToList();
            if (rows.Count <= MaxCopyReads)
            {
                byMember[member] = rows;
            }
        }

        return byMember;
    }

    /// <summary>
    /// The most point reads of fact rows a member is read by (one for each member copy in the golden person's view); past
    /// it the member's range is the cheaper read.
    /// </summary>
    public const int MaxCopyReads = 32;

    /// <summary>
    /// The views that follow from a person's rows and their members' rows: the person's facts with their members' (null
    /// for a key linked elsewhere), and the transactions that write the views that differ from those read.
    /// </summary>
    public static (IReadOnlyList<FactView>? Resolved, IReadOnlyList<List<EntityChange>> Writes) Plan(PersonKey key, PersonRows person, IReadOnlyList<PersonRows> members)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(members);
        var resolved = person.IsLinkedElsewhere ? null : Resolve(person, members);
        var writes = new List<List<EntityChange>>();
        if (person.ResolvedViewToWrite(resolved ?? []) is { } view)
        {
            // The data key ahead of the view it seals, in the same transaction: both are the key's.
            writes.Add([.. new[] { person.KeyToWrite() }.OfType<EntityChange>(), person.ViewChange(view)]);
        }

        // A member still linked here names this person; one linked elsewhere since is that person's to name.
        foreach (var member in members.Where(m => m.Golden == key.Value))
        {
            if (member.ResolvedViewToWrite([]) is { } pointer)
            {
                writes.Add([member.ViewChange(pointer)]);
            }
        }

        return (resolved, writes);
    }

    /// <summary>
    /// The rows of a golden person, or of a key the batch left to itself, by point reads, the same rows their range gives
    /// (history aside), or null when that cannot be shown and the range must be read. First the link, view, data key and
    /// index rows; then, when the view holds the rows it stands for (<see cref="PersonViewEntity.HeldRows"/>, under no
    /// marker or the batch's own), each of the person's own facts it names and the member row of each member it names or
    /// the batch linked to the person.
    /// A member row not found is a removal under way: the range says what is left. A fact the view does not name is one
    /// a merge added since, and the batch that merged it knows (<see cref="KnownRows.OwnChanged"/>); any other writer's
    /// rebuild follows its own merge and reads the range, and the views are written guarded by the versions read, so the
    /// last view written always follows from every row. A record the batch left to itself got its link under the batch's
    /// marker, over the copy of its own facts its merge wrote with them; a key whose facts the merge changed without
    /// such a copy (<see cref="KnownRows.OwnChanged"/>, a key under a marker among them) is read by its range.
    /// </summary>
    public async Task<PersonRows?> ReadByKeysAsync(PersonKey key, KnownRows known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (known.OwnChanged.Contains(key.Value))
        {
            return null;
        }

        var first = await facts.GetRowsAsync(key, [ResolutionRows.Link(key.Value), ResolutionRows.View(key.Value), ResolutionRows.DataKey(key.Value), ResolutionRows.Index(key.Value)], cancellationToken).ConfigureAwait(false);
        var head = facts.Assemble(key, first);
        if (head.IsLinkedElsewhere || head.View?.HeldRows(known.Mark) is not { } held)
        {
            return null;
        }

        var memberRows = held.Members
            .Union(known.Members.GetValueOrDefault(key.Value) ?? [], StringComparer.Ordinal)
            .Select(m => ResolutionRows.Member(key.Value, m))
            .ToList();
        var rest = await facts.GetRowsAsync(key, [.. held.OwnFacts, .. memberRows], cancellationToken).ConfigureAwait(false);
        var found = rest.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        return memberRows.All(found.Contains) ? facts.Assemble(key, [.. first, .. rest]) : null;
    }

    // A member's rows by their keys, side by side: its link, view and data key rows and each of its facts. A member's
    // view follows from these alone (its member and index rows are its own golden person's business, not read here).
    private Task<PersonRows> ReadMemberAsync(PersonKey key, IReadOnlyList<string> factRows, CancellationToken cancellationToken) =>
        facts.ReadRowsAsync(key, [ResolutionRows.Link(key.Value), ResolutionRows.View(key.Value), ResolutionRows.DataKey(key.Value), .. factRows], cancellationToken);

    /// <summary>Every fact of a golden person: their own and their members'.</summary>
    public static List<FactView> Resolve(PersonRows golden, IEnumerable<PersonRows> members) =>
        [.. golden.Facts.Select(f => f.ToView()), .. members.SelectMany(m => m.Facts.Select(f => f.ToView()))];

    private async Task<bool> TryWriteAllAsync(IEnumerable<List<EntityChange>> transactions, CancellationToken cancellationToken)
    {
        var written = true;
        foreach (var transaction in transactions)
        {
            // Every transaction is tried: one that met another writer does not keep the others from being written.
            written &= (await storage.FactsTable.SubmitAsync(transaction, cancellationToken).ConfigureAwait(false)).IsWritten;
        }

        return written;
    }
}
