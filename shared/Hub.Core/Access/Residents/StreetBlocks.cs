using System.Collections.Concurrent;
using Hub.Core.Identity.Matching;

namespace Hub.Core.Access.Residents;

/// <summary>
/// One street's resident rows in memory, by blocking-key hash: candidate search without a query per record. Filled by
/// one reader; then searched by many at once.
/// </summary>
internal sealed class StreetBlocks
{
    private readonly Dictionary<string, List<(string Person, string Records)>> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<MatchRecord>> _records = new(StringComparer.Ordinal);

    public void Add(ResidentEntity row)
    {
        foreach (var hash in new[] { row.Block1, row.Block2, row.Block3, row.Block4, row.Block5, row.Block6 }.OfType<string>())
        {
            if (!_byHash.TryGetValue(hash, out var list))
            {
                _byHash[hash] = list = [];
            }

            list.Add((row.PersonKey, row.Records));
        }
    }

    /// <summary>The persons indexed under <paramref name="hash"/>, with their match records.</summary>
    public IEnumerable<(string Person, IReadOnlyList<MatchRecord> Records)> Find(string hash)
    {
        foreach (var (person, records) in _byHash.GetValueOrDefault(hash) ?? [])
        {
            yield return (person, _records.GetOrAdd(person, static (_, json) => ResidentRowBuilder.ReadRecords(json), records));
        }
    }
}
