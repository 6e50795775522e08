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
}
