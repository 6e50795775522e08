using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Everything the facts table holds under one person key: their facts and their resolution rows, opened with the key's
/// data key (kept on its view row) once all are added.
/// </summary>
internal sealed class PersonRows(string personKey, KeyRing keys)
{
    public string PersonKey { get; } = personKey;

    /// <summary>The key's data key, opened; null until <see cref="Open"/> found one or <see cref="EnsureKey"/> made one.</summary>
    public DataKey? Key { get; private set; }

    /// <summary>The key's data key as stored on its view row.</summary>
    public WrappedDataKey? WrappedKey { get; private set; }

    /// <summary>
    /// True when the view row must be written to carry the data key: <see cref="EnsureKey"/> made it, or it was wrapped
    /// with a key-encryption key that is no longer current and has been wrapped again with the current one.
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
        else if (rowKey == ResolutionRows.View(PersonKey))
        {
            View = PersonViewEntity.FromRow(row);
        }

        // History rows are read only when asked for.
    }

    /// <summary>Opens the view and the sealed facts with the data key the view row carries.</summary>
    public void Open()
    {
        if (View?.WrappedKey() is { } wrapped)
        {
            WrappedKey = wrapped;
            Key = keys.Unwrap(PersonKey, wrapped);
            View.Open(Key);
            if (wrapped.KeyId != keys.CurrentKey)
            {
                // After a rotation: the same data key, wrapped with the current key, goes out with the next write of the
                // view row (a merge, or the nightly reconciliation, which writes every view row out of step).
                WrappedKey = keys.Rewrap(PersonKey, wrapped);
                KeyToStore = true;
            }
        }

        foreach (var fact in Facts.Where(f => f.Sealed is not null))
        {
            fact.Open(Key ?? throw new SealedValueException("A person's facts are sealed but their view row carries no data key."));
        }
    }

    /// <summary>The key's data key: the stored one, or a new one (written with the view row, ahead of any fact it seals).</summary>
    public DataKey EnsureKey()
    {
        if (Key is null)
        {
            WrappedKey = keys.NewDataKey(PersonKey);
            Key = keys.Unwrap(PersonKey, WrappedKey);
            KeyToStore = true;
        }

        return Key;
    }

    /// <summary>
    /// The view row the key should have when its facts are <paramref name="facts"/>, or null when the stored one says
    /// that already. A simple key gets a copy of its facts, any other a marker; a marker stays whatever the facts, because
    /// the resolution rows it stands for are never taken back (a split leaves a link), and a marker written just before
    /// its link must not be replaced by a copy in between.
    /// </summary>
    public PersonViewEntity? ViewToWrite(IReadOnlyList<FactView> facts)
    {
        if (View?.IsResolved() == true)
        {
            // A marker stays; it is written again only to carry a data key made for this key's facts.
            return KeyToStore ? PersonViewEntity.Resolved(PersonKey, WrappedKey) : null;
        }

        if (IsSimple && facts.Count == 0)
        {
            // Only history rows under the key: nothing to copy, and nobody to read.
            return null;
        }

        var key = EnsureKey();
        var wanted = IsSimple ? PersonViewEntity.Of(PersonKey, facts, key, WrappedKey!) : PersonViewEntity.Resolved(PersonKey, WrappedKey);
        return View is { } stored && stored.SameContent(wanted) ? null : wanted;
    }

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
