using Hub.Core.Matching;

namespace Hub.Core.Residents;

/// <summary>One street's resident rows in memory, by blocking-key hash: candidate search without a query per record.</summary>
internal sealed class StreetBlocks
{
    private readonly Dictionary<string, List<(string Person, string Records)>> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<MatchRecord>> _records = new(StringComparer.Ordinal);

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
            if (!_records.TryGetValue(person, out var parsed))
            {
                _records[person] = parsed = ResidentRowBuilder.ReadRecords(records);
            }

            yield return (person, parsed);
        }
    }
}
