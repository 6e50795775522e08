using System.Security.Cryptography;
using Hub.Core.Checks;
using Hub.Core.Profiles.Facts;

namespace Hub.Core.Identity.Resolution;

/// <summary>What a batch's merge leaves for the resolution stage: golden persons to index again and records to match.</summary>
internal sealed class ResolutionWork
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _goldens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ownChanged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonRows> _toMatch = new(StringComparer.Ordinal);
    private readonly HashSet<string> _arrivals = new(StringComparer.Ordinal);
    private readonly List<(PersonRows Record, string Golden)> _linked = [];

    /// <summary>Golden persons whose records span partitions; their rows are rebuilt after every partition is merged.</summary>
    public IReadOnlyCollection<string> Goldens => _goldens;

    /// <summary>
    /// Keys of their own whose view is a marker the merge may not replace (their link was just written, or changed): the
    /// resolver writes their view after every partition is merged.
    /// </summary>
    public IReadOnlyCollection<string> Views => _views;

    /// <summary>Keys whose records came without a usable ID and have never been matched.</summary>
    public IReadOnlyCollection<PersonRows> ToMatch => _toMatch.Values;

    /// <summary>
    /// The hashed blocking keys of every record the batch changed: the provisional persons filed under them could match
    /// a newcomer, so they are evaluated again.
    /// </summary>
    public IReadOnlyCollection<string> Arrivals => _arrivals;

    /// <summary>The keys the batch's resolution linked to a person (records kept without an ID, provisional persons), with that person.</summary>
    public IReadOnlyList<(PersonRows Record, string Golden)> Linked => _linked;

    /// <summary>
    /// The mark of the markers this pass puts over golden persons' views with the member rows it writes, unique to the
    /// pass: a batch resumed after a stop gets a new one, so the rebuild never mistakes another pass's marker for its own.
    /// </summary>
    public string Mark { get; } = RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>
    /// What the batch knows of the rows of the persons it rebuilds (<see cref="KnownRows"/>): the fact rows of the keys it
    /// linked that hold records without a usable ID (such a key holds that record's row and no other), the keys it
    /// linked to each golden person, and the keys whose facts its merge changed without writing their view's copy.
    /// </summary>
    public KnownRows KnownFactRows()
    {
        lock (_gate)
        {
            var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (record, _) in _linked.Where(l => l.Record.IsProvisional))
            {
                facts[record.PersonKey] = [.. record.Facts.Select(f => f.RowKey)];
            }

            var members = _linked
                .GroupBy(l => l.Golden, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.Select(l => l.Record.PersonKey)], StringComparer.Ordinal);
            return new KnownRows(facts, members, new HashSet<string>(_ownChanged, StringComparer.Ordinal), Mark);
        }
    }

    public void AddLinked(PersonRows record, string golden)
    {
        lock (_gate)
        {
            _linked.Add((record, golden));
        }
    }

    /// <summary>The cross-department checks of the persons the batch rebuilds; null when nothing is written (a plan only).</summary>
    public CheckWork? Checks { get; init; }

    public void AddArrivals(IEnumerable<string> hashes)
    {
        lock (_gate)
        {
            _arrivals.UnionWith(hashes);
        }
    }

    public void AddGolden(string personKey)
    {
        lock (_gate)
        {
            _goldens.Add(personKey);
        }
    }

    /// <summary>Adds a golden person whose own rows the batch's merge changed: their rebuild reads their range.</summary>
    public void AddGoldenChanged(string personKey)
    {
        lock (_gate)
        {
            _goldens.Add(personKey);
            _ownChanged.Add(personKey);
        }
    }

    /// <summary>
    /// Adds a key whose facts the batch's merge changed without writing its view's copy of them (a key linked elsewhere,
    /// a golden person, a key under a marker): neither its own rebuild nor its golden person's reads it by its keys.
    /// </summary>
    public void AddOwnChanged(string personKey)
    {
        lock (_gate)
        {
            _ownChanged.Add(personKey);
        }
    }

    public void AddView(string personKey)
    {
        lock (_gate)
        {
            _views.Add(personKey);
        }
    }

    public void AddToMatch(PersonRows person)
    {
        lock (_gate)
        {
            _toMatch[person.PersonKey] = person;
        }
    }
}
