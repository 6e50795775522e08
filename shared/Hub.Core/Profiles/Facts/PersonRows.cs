using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>Everything the facts table holds under one person key: their facts and their resolution rows.</summary>
internal sealed class PersonRows(string personKey)
{
    public string PersonKey { get; } = personKey;

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
            return null;
        }

        if (IsSimple && facts.Count == 0)
        {
            // Only history rows under the key: nothing to copy, and nobody to read.
            return null;
        }

        var wanted = IsSimple ? PersonViewEntity.Of(PersonKey, facts) : PersonViewEntity.Resolved(PersonKey);
        return View is { } stored && stored.SameContent(wanted) ? null : wanted;
    }

    /// <summary>Groups the rows of a partition (or a range of it) by person key, in key order.</summary>
    public static SortedDictionary<string, PersonRows> Group(IEnumerable<StoredRow> rows)
    {
        var people = new SortedDictionary<string, PersonRows>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = ResolutionRows.PersonKeyOf(row.RowKey);
            if (!people.TryGetValue(key, out var person))
            {
                people[key] = person = new PersonRows(key);
            }

            person.Add(row);
        }

        return people;
    }
}
