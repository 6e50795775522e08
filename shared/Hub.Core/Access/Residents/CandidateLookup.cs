using System.Collections.Concurrent;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The candidate rows read for a set of blocking-key hashes (<see cref="ResidentIndex.LookUpAsync"/>), by hash: the
/// candidates of many records from one round of reads. Filled by the readers; then searched by many at once.
/// </summary>
internal sealed class CandidateLookup
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<(string Person, bool Identified, string Records)>> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<MatchRecord>> _records = new(StringComparer.Ordinal);

    public void Add(string hash, ResidentEntity row) =>
        _byHash.GetOrAdd(hash, _ => []).Add((row.PersonKey, row.Identified, row.Records));

    /// <summary>Every person filed under a key of <paramref name="record"/>, once per record the person has.</summary>
    public IReadOnlyList<MatchCandidate> CandidatesOf(MatchRecord record, Func<string, string> hash) =>
        BlockingKeys.For(record)
            .Select(hash)
            .SelectMany(h => _byHash.GetValueOrDefault(h) ?? [])
            .DistinctBy(r => r.Person, StringComparer.Ordinal)
            .SelectMany(r => RecordsOf(r.Person, r.Records).Select(m => new MatchCandidate(PersonKey.Parse(r.Person), m)))
            .ToList();

    /// <summary>The provisional persons (not identified) filed under any of <paramref name="hashes"/>, in key order, with their records.</summary>
    public IReadOnlyList<(PersonKey Person, IReadOnlyList<MatchRecord> Records)> Provisional(IEnumerable<string> hashes) =>
        hashes.SelectMany(h => _byHash.GetValueOrDefault(h) ?? [])
            .Where(r => !r.Identified)
            .DistinctBy(r => r.Person, StringComparer.Ordinal)
            .OrderBy(r => r.Person, StringComparer.Ordinal)
            .Select(r => (PersonKey.Parse(r.Person), RecordsOf(r.Person, r.Records)))
            .ToList();

    private IReadOnlyList<MatchRecord> RecordsOf(string person, string json) =>
        _records.GetOrAdd(person, static (_, records) => ResidentRowBuilder.ReadRecords(records), json);
}
