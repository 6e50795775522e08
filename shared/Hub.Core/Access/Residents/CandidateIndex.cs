using System.Runtime.CompilerServices;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The candidate index in table storage (<see cref="CandidateSearch"/>): files persons under the hashes of their
/// blocking keys and finds the persons filed under a hash with one point read.
/// </summary>
internal sealed class CandidateIndex(HubStorage storage)
{
    private const int ChangesPerTransaction = 100;

    /// <summary>
    /// Writes a batch's entries: every added or changed entry as a merge of its column (entries of one key coalesced
    /// into one change, 100 keys to a transaction per partition), then every entry that went away by rewriting its key's
    /// row without the column, guarded by the version read, and deleting the row when no column is left.
    /// </summary>
    public async Task ApplyAsync(IEnumerable<ResidentEntity> entries, IEnumerable<(string PartitionKey, string RowKey)> removals, int concurrency, CancellationToken cancellationToken = default)
    {
        var merges = entries
            .GroupBy(e => (e.PartitionKey, Hash: CandidateSearch.HashOf(e.RowKey)))
            .Select(key => EntityChange.MergeColumns(key.Key.PartitionKey, key.Key.Hash, key.ToDictionary(e => CandidateSearch.Column(e.PersonKey), e => e.Records, StringComparer.Ordinal)))
            .GroupBy(c => c.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(ChangesPerTransaction))
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(merges, parallel, async (chunk, token) =>
            (await storage.CandidatesTable.SubmitAsync(chunk, token).ConfigureAwait(false)).ThrowIfNotWritten()).ConfigureAwait(false);

        var leaving = removals
            .GroupBy(r => (r.PartitionKey, Hash: CandidateSearch.HashOf(r.RowKey)))
            .Select(key => (key.Key.PartitionKey, key.Key.Hash, Columns: key.Select(r => CandidateSearch.Column(r.RowKey[(key.Key.Hash.Length + 1)..])).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(leaving, parallel, async (key, token) =>
            await RemoveAsync(key.PartitionKey, key.Hash, key.Columns, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The persons filed under <paramref name="hash"/>, each with their match records as stored.</summary>
    public async Task<IReadOnlyList<(string Person, string Records)>> FindAsync(string hash, CancellationToken cancellationToken = default)
    {
        var row = await storage.CandidatesTable.GetRowAsync(CandidateSearch.Partition(hash), hash, cancellationToken).ConfigureAwait(false);
        return row is null ? [] : PersonsOf(row);
    }

    /// <summary>
    /// The persons filed under each of <paramref name="hashes"/>, all of the partition <paramref name="partitionKey"/>,
    /// by hash, read together (<see cref="EntityTable.GetRowsAsync"/>); a hash no one is filed under is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Person, string Records)>>> FindAllAsync(string partitionKey, IEnumerable<string> hashes, CancellationToken cancellationToken = default)
    {
        var rows = await storage.CandidatesTable.GetRowsAsync(partitionKey, hashes, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.RowKey, PersonsOf, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every entry of the index as a change-set row (<see cref="CandidateSearch.EntryKey"/>), with when its key's row was
    /// last written: for the nightly reconciliation, which compares them with what the facts say.
    /// </summary>
    public async IAsyncEnumerable<(ResidentEntity Entry, DateTimeOffset? StoredAt)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey ge {"c"} and PartitionKey lt {"d"}");
        await foreach (var row in storage.CandidatesTable.QueryRowsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (column, records) in row.TextColumns(CandidateSearch.ColumnPrefix))
            {
                var person = CandidateSearch.PersonOf(column);
                yield return (Entry(row.RowKey, person, records), row.StoredAt);
            }
        }
    }

    /// <summary>The change-set row of <paramref name="person"/>'s entry under <paramref name="hash"/>.</summary>
    public static ResidentEntity Entry(string hash, string person, string records) => new()
    {
        PartitionKey = CandidateSearch.Partition(hash),
        RowKey = CandidateSearch.EntryKey(hash, person),
        PersonKey = person,
        Records = records,
    };

    private static IReadOnlyList<(string Person, string Records)> PersonsOf(StoredRow row) =>
        row.TextColumns(CandidateSearch.ColumnPrefix).Select(c => (CandidateSearch.PersonOf(c.Key), c.Value)).ToList();

    // A column cannot be dropped by a merge: the row is written again without it, unless someone wrote it since it was read.
    private async Task RemoveAsync(string partitionKey, string hash, HashSet<string> columns, CancellationToken cancellationToken)
    {
        while (await storage.CandidatesTable.GetRowAsync(partitionKey, hash, cancellationToken).ConfigureAwait(false) is { Version: { } version } row)
        {
            var kept = row.TextColumns(CandidateSearch.ColumnPrefix).Where(c => !columns.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            var outcome = kept.Count == 0
                ? await storage.CandidatesTable.DeleteAsync(partitionKey, hash, version, cancellationToken).ConfigureAwait(false)
                : await storage.CandidatesTable.ReplaceColumnsAsync(partitionKey, hash, kept, version, cancellationToken).ConfigureAwait(false);
            if (outcome != WriteOutcome.Changed)
            {
                return;
            }
        }
    }
}
