using System.Collections.Concurrent;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The rows of the candidate index one batch has read, so a key shared by many of its records (a common birth date) is
/// read once. The index does not change while a batch matches: its own decisions are kept beside it.
/// </summary>
internal sealed class CandidateLookups(CandidateIndex index)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(string Person, string Records)>>>> _read = new(StringComparer.Ordinal);

    /// <summary>The persons filed under <paramref name="token"/>, its rows read at most once.</summary>
    public Task<IReadOnlyList<(string Person, string Records)>> FindAsync(string token, CancellationToken cancellationToken) =>
        _read.GetOrAdd(token, t => new Lazy<Task<IReadOnlyList<(string Person, string Records)>>>(() => index.FindAsync(t, cancellationToken))).Value;

    /// <summary>
    /// Reads the rows of every one of <paramref name="tokens"/> not read yet, the tokens of one partition together
    /// (<see cref="CandidateIndex.FindAllAsync"/>: on Azure a query for every 14 rows rather than a point read each), so
    /// the lookups that follow find them read.
    /// </summary>
    public async Task ReadAsync(IEnumerable<string> tokens, int concurrency, CancellationToken cancellationToken)
    {
        var unread = tokens
            .Distinct(StringComparer.Ordinal)
            .Where(h => !_read.ContainsKey(h))
            .GroupBy(h => CandidateSearch.Partition(h), StringComparer.Ordinal)
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(unread, parallel, async (partition, token) =>
        {
            var found = await index.FindAllAsync(partition.Key, partition, token).ConfigureAwait(false);
            foreach (var key in partition)
            {
                var persons = found.GetValueOrDefault(key) ?? [];
                _read.TryAdd(key, new Lazy<Task<IReadOnlyList<(string Person, string Records)>>>(Task.FromResult(persons)));
            }
        }).ConfigureAwait(false);
    }
}
