using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>
/// The Hub's person index in memory, with the truth beside it: the records linked to each person, the blocking
/// keys that find them, and which generated person each indexed person really is.
/// </summary>
internal sealed class PersonIndex
{
    private readonly Dictionary<string, List<PersonKey>> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonKey, IndexedPerson> _people = [];
    private readonly HashSet<int> _truths = [];
    private int _provisional;

    /// <summary>Links <paramref name="record"/> to <paramref name="person"/>, creating the person with the truth <paramref name="truth"/> if new.</summary>
    public void Link(PersonKey person, MatchRecord record, int truth)
    {
        if (!_people.TryGetValue(person, out var indexed))
        {
            indexed = new IndexedPerson(truth);
            _people.Add(person, indexed);
            _truths.Add(truth);
        }

        indexed.Records.Add(record);
        foreach (var key in BlockingKeys.For(record))
        {
            if (!_blocks.TryGetValue(key, out var people))
            {
                _blocks[key] = people = [];
            }

            if (!people.Contains(person))
            {
                people.Add(person);
            }
        }
    }

    /// <summary>Starts a provisional person for a record that matched nobody.</summary>
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

        return people.SelectMany(p => _people[p].Records.Select(r => new MatchCandidate(p, r))).ToList();
    }

    /// <summary>Which generated person an indexed person really is.</summary>
    public int TruthOf(PersonKey person) => _people[person].Truth;

    /// <summary>True when the index holds someone who really is generated person <paramref name="truth"/>.</summary>
    public bool Holds(int truth) => _truths.Contains(truth);

    private sealed record IndexedPerson(int Truth)
    {
        public List<MatchRecord> Records { get; } = [];
    }
}
