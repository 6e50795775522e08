using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Everything the facts table holds under one person key: their facts and their resolution rows, opened with the key's
/// data key (its own row) once all are added.
/// </summary>
internal sealed class PersonRows(string personKey, KeyRing keys)
{
    public string PersonKey { get; } = personKey;

    /// <summary>The key's data key, opened; null until <see cref="Open"/> found one or <see cref="EnsureKey"/> made one.</summary>
    public DataKey? Key { get; private set; }

    /// <summary>The key's data key as it is to be stored.</summary>
    public WrappedDataKey? WrappedKey { get; private set; }

    /// <summary>The data key row as read; null when the key has none yet.</summary>
    public DataKeyEntity? KeyRow { get; set; }

    /// <summary>
    /// True when the data key row must be written: <see cref="EnsureKey"/> made the key, it was wrapped with a
    /// key-encryption key that is no longer current and has been wrapped again with the current one, or a view that
    /// carries it is added beside it (the row then guards that write).
    /// </summary>
    public bool KeyToStore { get; private set; }

    public List<FactEntity> Facts { get; } = [];

    public LinkEntity? Link { get; set; }

    public List<MemberEntity> Members { get; } = [];

    public IndexRowsEntity? IndexRows { get; set; }

    /// <summary>The view row person detail reads first: a copy of the key's facts, or a marker.</summary>
    public PersonViewEntity? View { get; set; }

    /// <summary>The golden person the key's records belong to: another key when linked there, else the key itself.</summary>
    public string Golden => Link?.Golden is { Length: > 0 } golden ? golden : PersonKey;

    /// <summary>True when the key's records feed another person's profile.</summary>
    public bool IsLinkedElsewhere => Link?.LinksElsewhere() == true;

    /// <summary>
    /// True when the key's profile draws on rows in other partitions (members), or the key has been a golden person
    /// with members: its resident rows are then tracked by an index row rather than derived from its own facts.
    /// </summary>
    public bool HasMembers => Members.Count > 0 || IndexRows is not null;

    /// <summary>True when the key's profile is its own facts alone: no link, no members, no index row.</summary>
    public bool IsSimple => Link is null && !HasMembers;

    /// <summary>True when none of the key's facts came with a usable ID number.</summary>
    public bool IsProvisional => Facts.Count > 0 && Facts.All(f => !f.Identified);

    /// <summary>Adds a row of any kind read from the facts table.</summary>
    public void Add(StoredRow row)
    {
        var rowKey = row.RowKey;
        if (!ResolutionRows.IsResolutionRow(rowKey))
        {
            Facts.Add(FactEntity.FromRow(row));
        }
        else if (rowKey == ResolutionRows.Link(PersonKey))
        {
            Link = LinkEntity.FromRow(row);
        }
        else if (rowKey.StartsWith(ResolutionRows.MembersStart(PersonKey), StringComparison.Ordinal))
        {
            Members.Add(MemberEntity.FromRow(row));
        }
        else if (rowKey == ResolutionRows.Index(PersonKey))
        {
            IndexRows = IndexRowsEntity.FromRow(row);
        }
        else if (rowKey == ResolutionRows.DataKey(PersonKey))
        {
            KeyRow = DataKeyEntity.FromRow(row);
        }
        else if (rowKey == ResolutionRows.View(PersonKey))
        {
            View = PersonViewEntity.FromRow(row);
        }

        // History rows are read only when asked for.
    }

    /// <summary>Opens the view and the sealed facts with the key's data key.</summary>
    public void Open()
    {
        if (KeyRow is { } row)
        {
            var wrapped = row.ToWrapped();
            WrappedKey = wrapped;
            Key = keys.Unwrap(PersonKey, wrapped);
            if (wrapped.KeyId != keys.CurrentKey)
            {
                // After a rotation: the same data key, wrapped with the current key, is written with the key's next merge
                // or by the nightly reconciliation, which visits every key.
                WrappedKey = keys.Rewrap(PersonKey, wrapped);
                KeyToStore = true;
            }
        }

        const string Missing = "A person's values are sealed but their data key row is missing.";
        if (View?.IsSealed() == true)
        {
            View.Open(Key ?? throw new SealedValueException(Missing));
        }

        foreach (var fact in Facts.Where(f => f.Sealed is not null))
        {
            fact.Open(Key ?? throw new SealedValueException(Missing));
        }
    }

    /// <summary>
    /// Completes rows read by point reads (the view, the data key, the link, and the facts at <paramref name="read"/>)
    /// with the other facts, from the copy the key's own view holds. False when the view cannot stand in for them: it is
    /// not a copy of the key's own facts (a golden person, a linked key, a marker, a row too large), or it disagrees with
    /// a fact read. The caller then reads the key's rows whole. A key with no rows at all is new, and complete.
    /// </summary>
    public bool CompleteFromView(string partitionKey, IReadOnlySet<string> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (View is null)
        {
            return Facts.Count == 0 && KeyRow is null && Link is null;
        }

        if (!View.IsOwnCopy() || !View.IsUsable() || !HasOwnProfile)
        {
            return false;
        }

        var copies = View.ReadFacts();
        if (copies.Any(c => c.FirstSeenAt is null))
        {
            // A copy from before the view kept when a fact was first seen: the rows say it.
            return false;
        }

        var byRowKey = copies.ToDictionary(c => FactEntity.RowKeyOf(PersonKey, c), StringComparer.Ordinal);
        if (Facts.Any(f => !byRowKey.TryGetValue(f.RowKey, out var copy) || !f.Matches(copy)))
        {
            return false;
        }

        foreach (var (rowKey, copy) in byRowKey.Where(c => !read.Contains(c.Key)))
        {
            Facts.Add(FactEntity.FromCopy(partitionKey, PersonKey, copy));
        }

        // A row the view holds but a point read did not find: the view is behind the rows.
        return byRowKey.Keys.Where(read.Contains).All(k => Facts.Any(f => f.RowKey == k));
    }

    /// <summary>The data key row to write ahead of the facts it seals; null when the stored one stands.</summary>
    public EntityChange? KeyToWrite()
    {
        if (!KeyToStore || WrappedKey is null)
        {
            return null;
        }

        var row = DataKeyEntity.Of(PersonKey, WrappedKey);
        return KeyRow is { Version: { } version } ? EntityChange.Update(row, version) : EntityChange.Add(row);
    }

    /// <summary>
    /// With <see cref="KeyToWrite"/>, for a key whose view is not written anew beside it: the stored view's copy of the
    /// data key, wrapped as the key row is to be, so a key-encryption key rotated rewraps both in one transaction. Null
    /// when the key row stands, or the view carries no copy or the same one. Only those two columns change, guarded by
    /// the version the view was read at, like any other write of it.
    /// </summary>
    public EntityChange? CarriedKeyToWrite()
    {
        if (!KeyToStore || WrappedKey is not { } wrapped || View is not { Version: { } version } view || view.CarriedKey() is not { } carried || carried == wrapped)
        {
            return null;
        }

        var columns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(PersonViewEntity.KeyId)] = wrapped.KeyId,
            [nameof(PersonViewEntity.Wrapped)] = wrapped.Wrapped,
        };
        return EntityChange.MergeColumns(view.PartitionKey, view.RowKey, columns, version);
    }

    /// <summary>The key's data key: the stored one, or a new one (written with the view row, ahead of any fact it seals).</summary>
    public DataKey EnsureKey()
    {
        if (Key is null)
        {
            (WrappedKey, Key) = keys.NewOpenedDataKey(PersonKey);
            KeyToStore = true;
        }

        return Key;
    }

    /// <summary>
    /// True when the key's profile is its own facts alone, whatever its link says: not linked elsewhere, no members, no
    /// index row (a person of their own, or a record a link decision left to itself).
    /// </summary>
    public bool HasOwnProfile => !IsLinkedElsewhere && !HasMembers;

    /// <summary>
    /// The view row the merge should write for the key when its facts are <paramref name="facts"/>, or null when the
    /// stored one says that already or is not the merge's to write. A key whose profile is its own facts gets a copy of
    /// them. Any other is the resolver's (<see cref="ResolvedViewToWrite"/>): its view draws on rows in other
    /// partitions, which a merge does not read; the merge only puts a marker over a copy of its own facts left from
    /// before it had those rows. A marker stays whatever the facts: a marker written just before its link must not be
    /// replaced by a copy in between, and the resolver replaces it once the link is written (<see cref="ResolvedViewPending"/>).
    /// </summary>
    public PersonViewEntity? ViewToWrite(IReadOnlyList<FactView> facts)
    {
        if (View?.IsResolved() == true)
        {
            return null;
        }

        if (!HasOwnProfile)
        {
            return View is null || View.IsOwnCopy() ? PersonViewEntity.Resolved(PersonKey) : null;
        }

        if (facts.Count == 0)
        {
            // Only history rows under the key: nothing to copy, and nobody to read.
            return null;
        }

        var wanted = PersonViewEntity.Of(PersonKey, facts, EnsureKey(), WrappedKey!);
        return View is { } stored && stored.SameContent(wanted) ? null : Guarded(wanted);
    }

    /// <summary>True when the key's view is a marker that only the resolver replaces: a merge changing its facts asks for that.</summary>
    public bool ResolvedViewPending => View?.IsResolved() == true;

    /// <summary>
    /// The view row the resolver writes for the key, or null when the stored one says that already: for a key linked
    /// elsewhere, its golden person's key; for a golden person, a copy of <paramref name="all"/> (their own and their
    /// members' facts, as <c>PersonResolver.ReadMembersAsync</c> reads them) with the member keys and the row keys of
    /// their own facts, sealed with their data key; for a key whose profile is its own facts, the merge's copy of them. Null for a person with no facts at all.
    /// </summary>
    public PersonViewEntity? ResolvedViewToWrite(IReadOnlyList<FactView> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var wanted = IsLinkedElsewhere ? PersonViewEntity.LinkedTo(PersonKey, Golden)
            : all.Count == 0 ? null
            : HasMembers ? PersonViewEntity.OfGolden(PersonKey, all, Members.Select(m => m.Member), Facts.Select(f => f.RowKey), EnsureKey(), WrappedKey!)
            : PersonViewEntity.Of(PersonKey, all, EnsureKey(), WrappedKey!);
        return wanted is null || (View is { } stored && stored.SameContent(wanted)) ? null : Guarded(wanted);
    }

    // A view carries a copy of the data key, so it must never be written after an erasure took the key row (erasure
    // deletes the view with it). A view written over the one read is guarded by that row's version; one added where none
    // was read goes with the data key row written again under the version read (KeyToWrite), so an erasure in between
    // makes the write fail instead of leaving a copy of an erased key.
    private PersonViewEntity Guarded(PersonViewEntity wanted)
    {
        if (View is null && KeyRow is not null && wanted.CarriedKey() is not null)
        {
            KeyToStore = true;
        }

        return wanted;
    }

    /// <summary>The write of <paramref name="view"/> over the stored view row, guarded by the version read.</summary>
    public EntityChange ViewChange(PersonViewEntity view) =>
        View is { Version: { } version } ? EntityChange.Update(view, version) : EntityChange.Add(view);

    /// <summary>Groups the rows of a partition (or a range of it) by person key, in key order.</summary>
    public static SortedDictionary<string, PersonRows> Group(IEnumerable<StoredRow> rows, KeyRing keys)
    {
        var people = new SortedDictionary<string, PersonRows>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = ResolutionRows.PersonKeyOf(row.RowKey);
            if (!people.TryGetValue(key, out var person))
            {
                people[key] = person = new PersonRows(key, keys);
            }

            person.Add(row);
        }

        foreach (var person in people.Values)
        {
            person.Open();
        }

        return people;
    }
}
