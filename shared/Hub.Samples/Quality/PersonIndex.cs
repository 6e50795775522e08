using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>
/// The Hub's person index in memory, with the truth beside it: the records linked to each person, the blocking
/// keys that find them, which generated person each record really is, and who each indexed person is taken to be
/// (the truth of the record that started it).
/// </summary>
internal sealed class PersonIndex
{
    private readonly Dictionary<string, List<PersonKey>> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonKey, IndexedPerson> _people = [];
    private readonly HashSet<int> _truths = [];
    private int _provisional;

    /// <summary>
    /// Links <paramref name="record"/> (really generated person <paramref name="truth"/>) to <paramref name="person"/>,
    /// creating the person if new; a person created by a record with a valid ID is <paramref name="identified"/>.
    /// </summary>
    public void Link(PersonKey person, MatchRecord record, int truth, bool identified = false)
    {
        if (!_people.TryGetValue(person, out var indexed))
        {
            indexed = new IndexedPerson(truth, identified, _people.Count);
            _people.Add(person, indexed);
        }

        _truths.Add(truth);
        indexed.Records.Add((record, truth));
        foreach (var key in BlockingKeys.For(record))
        {
            if (!_blocks.TryGetValue(key, out var people))
            {
                _blocks[key] = people = [];
            }

            if (indexed.Keys.Add(key))
            {
                people.Add(person);
            }
        }
    }

    /// <summary>Starts a provisional person for a record that was not linked to anyone.</summary>
    public PersonKey CreateProvisional(MatchRecord record, int truth)
    {
        // A provisional person needs a key like any other; the Hub would draw a random one.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"provisional|{++_provisional}")));
        var key = PersonKey.Parse(Convert.ToHexStringLower(hash)[..32]);
        Link(key, record, truth);
        return key;
    }

    /// <summary>Every record of every person indexed under one of <paramref name="record"/>'s blocking keys.</summary>
    public IReadOnlyList<MatchCandidate> Candidates(MatchRecord record)
    {
        var people = new List<PersonKey>();
        var seen = new HashSet<PersonKey>();
        foreach (var key in BlockingKeys.For(record))
        {
            if (_blocks.TryGetValue(key, out var block))
            {
                people.AddRange(block.Where(seen.Add));
            }
        }

        return people.SelectMany(p => _people[p].Records.Select(r => new MatchCandidate(p, r.Record))).ToList();
    }

    /// <summary>The provisional (not identified) persons indexed under any of <paramref name="keys"/>, in key order, with their records.</summary>
    public IReadOnlyList<(PersonKey Person, IReadOnlyList<MatchRecord> Records)> ProvisionalUnder(IEnumerable<string> keys) =>
        keys.Where(_blocks.ContainsKey)
            .SelectMany(k => _blocks[k])
            .Distinct()
            .Where(p => !_people[p].Identified)
            .OrderBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => (p, (IReadOnlyList<MatchRecord>)_people[p].Records.Select(r => r.Record).ToList()))
            .ToList();

    /// <summary>Whether <paramref name="person"/> is still a person of its own (not merged into another).</summary>
    public bool Contains(PersonKey person) => _people.ContainsKey(person);

    /// <summary>Moves every record of <paramref name="from"/> into <paramref name="into"/>, as a link of the provisional person does.</summary>
    public void Merge(PersonKey from, PersonKey into)
    {
        var moving = _people[from];
        _people.Remove(from);
        foreach (var key in moving.Keys)
        {
            _blocks[key].Remove(from);
        }

        foreach (var (record, truth) in moving.Records)
        {
            Link(into, record, truth);
        }
    }

    /// <summary>Which generated person an indexed person is taken to be: the truth of the record that started it.</summary>
    public int TruthOf(PersonKey person) => _people[person].Truth;

    /// <summary>True when the index holds a record of generated person <paramref name="truth"/>.</summary>
    public bool Holds(int truth) => _truths.Contains(truth);

    /// <summary>
    /// Where each generated person ended: the identified person of their ID when they have one, else the indexed
    /// person started by one of their records that holds most of them (the earliest on a tie), with how many of their
    /// records it holds. Records linked into someone else's person do not make it theirs.
    /// </summary>
    public IReadOnlyDictionary<int, (PersonKey Person, int Records)> Homes()
    {
        var homes = new Dictionary<int, (PersonKey Person, int Records, bool Identified, int Order)>();
        foreach (var (key, person) in _people)
        {
            foreach (var group in person.Records.GroupBy(r => r.Truth).Where(g => g.Key == person.Truth))
            {
                var candidate = (key, group.Count(), person.Identified, person.Order);
                if (!homes.TryGetValue(group.Key, out var home) || Better(candidate, home))
                {
                    homes[group.Key] = candidate;
                }
            }
        }

        return homes.ToDictionary(h => h.Key, h => (h.Value.Person, h.Value.Records));
    }

    /// <summary>How many records of each generated person the index holds.</summary>
    public IReadOnlyDictionary<int, int> RecordsPerTruth() =>
        _people.Values.SelectMany(p => p.Records).CountBy(r => r.Truth).ToDictionary(c => c.Key, c => c.Value);

    private static bool Better((PersonKey Person, int Records, bool Identified, int Order) a, (PersonKey Person, int Records, bool Identified, int Order) b) =>
        a.Identified != b.Identified ? a.Identified : a.Records != b.Records ? a.Records > b.Records : a.Order < b.Order;

    private sealed record IndexedPerson(int Truth, bool Identified, int Order)
    {
        public List<(MatchRecord Record, int Truth)> Records { get; } = [];

        // The keys the person is indexed under, so that a merge takes them out of those blocks only.
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
