using Hub.Core.Checks;
using Hub.Core.Profiles.Facts;

namespace Hub.Core.Identity.Resolution;

/// <summary>What a batch's merge leaves for the resolution stage: golden persons to index again and records to match.</summary>
internal sealed class ResolutionWork
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _goldens = new(StringComparer.Ordinal);
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
    /// The fact rows of the keys the batch linked that hold records without a usable ID, by key: such a key is the hash
    /// of the record's source, name, birth date and record key, so it holds that record's row and no other, and its
    /// golden person's rebuild reads it by its keys (point reads) rather than by a range.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> KnownFactRows()
    {
        lock (_gate)
        {
            var known = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (record, _) in _linked.Where(l => l.Record.IsProvisional))
            {
                known[record.PersonKey] = [.. record.Facts.Select(f => f.RowKey)];
            }

            return known;
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
