using System.Collections.Concurrent;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The rows of the candidate index one batch has read, so a key shared by many of its records (a common birth date) is
/// read once. The index does not change while a batch matches: its own decisions are kept beside it.
/// </summary>
internal sealed class CandidateLookups(CandidateIndex index)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(string Person, string Records)>>>> _read = new(StringComparer.Ordinal);

    /// <summary>The persons filed under <paramref name="hash"/>, read at most once.</summary>
    public Task<IReadOnlyList<(string Person, string Records)>> FindAsync(string hash, CancellationToken cancellationToken) =>
        _read.GetOrAdd(hash, h => new Lazy<Task<IReadOnlyList<(string Person, string Records)>>>(() => index.FindAsync(h, cancellationToken))).Value;

    /// <summary>
    /// Reads the rows of every one of <paramref name="hashes"/> not read yet, the hashes of one partition together
    /// (<see cref="CandidateIndex.FindAllAsync"/>: on Azure a query for every 14 rather than a point read each), so the
    /// lookups that follow find them read.
    /// </summary>
    public async Task ReadAsync(IEnumerable<string> hashes, int concurrency, CancellationToken cancellationToken)
    {
        var unread = hashes
            .Distinct(StringComparer.Ordinal)
            .Where(h => !_read.ContainsKey(h))
            .GroupBy(h => CandidateSearch.Partition(h), StringComparer.Ordinal)
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(unread, parallel, async (partition, token) =>
        {
            var found = await index.FindAllAsync(partition.Key, partition, token).ConfigureAwait(false);
            foreach (var hash in partition)
            {
                var persons = found.GetValueOrDefault(hash) ?? [];
                _read.TryAdd(hash, new Lazy<Task<IReadOnlyList<(string Person, string Records)>>>(Task.FromResult(persons)));
            }
        }).ConfigureAwait(false);
    }
}
