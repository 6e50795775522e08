using System.Runtime.CompilerServices;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The candidate index in table storage (<see cref="CandidateSearch"/>): files persons under the tokens of their
/// blocking keys, each in the row of the token their person key chooses, and finds the persons filed under a token by
/// reading all its rows.
/// </summary>
internal sealed class CandidateIndex(HubStorage storage)
{
    private const int ChangesPerTransaction = 100;

    /// <summary>
    /// Writes a batch's entries: every added or changed entry as a merge of its column into its person's row of the
    /// token (entries of one row coalesced into one change, 100 rows to a transaction per partition), then every entry
    /// that went away by rewriting that row without the column, guarded by the version read, and deleting the row when
    /// no column is left.
    /// </summary>
    public async Task ApplyAsync(IEnumerable<ResidentEntity> entries, IEnumerable<(string PartitionKey, string RowKey)> removals, int concurrency, CancellationToken cancellationToken = default)
    {
        var merges = entries
            .GroupBy(e => (e.PartitionKey, Row: CandidateSearch.Row(CandidateSearch.TokenOfEntry(e.RowKey), e.PersonKey)))
            .Select(row => EntityChange.MergeColumns(row.Key.PartitionKey, row.Key.Row, row.ToDictionary(e => CandidateSearch.Column(e.PersonKey), e => e.Records, StringComparer.Ordinal)))
            .GroupBy(c => c.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(ChangesPerTransaction))
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(merges, parallel, async (chunk, token) =>
            (await storage.CandidatesTable.SubmitAsync(chunk, token).ConfigureAwait(false)).ThrowIfNotWritten()).ConfigureAwait(false);

        // An entry's token says its rows, so one filed before its kind was spread (a row keyed by the bare hash) is
        // removed from that row: how the reconciliation moves a store to the current layout.
        var leaving = removals
            .GroupBy(r => (r.PartitionKey, Row: CandidateSearch.Row(CandidateSearch.TokenOfEntry(r.RowKey), CandidateSearch.PersonOfEntry(r.RowKey))))
            .Select(row => (row.Key.PartitionKey, row.Key.Row, Columns: row.Select(r => CandidateSearch.Column(CandidateSearch.PersonOfEntry(r.RowKey))).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(leaving, parallel, async (row, token) =>
            await RemoveAsync(row.PartitionKey, row.Row, row.Columns, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The persons filed under <paramref name="token"/>, each with their match records as stored: a point read for a token of one row.</summary>
    public async Task<IReadOnlyList<(string Person, string Records)>> FindAsync(string token, CancellationToken cancellationToken = default) =>
        PersonsOf(await storage.CandidatesTable.GetRowsAsync(CandidateSearch.Partition(token), CandidateSearch.Rows(token), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The persons filed under each of <paramref name="tokens"/>, all of the partition <paramref name="partitionKey"/>,
    /// by token, every row of each read together (<see cref="EntityTable.GetRowsAsync"/>); a token no one is filed under
    /// is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Person, string Records)>>> FindAllAsync(string partitionKey, IEnumerable<string> tokens, CancellationToken cancellationToken = default)
    {
        var rows = await storage.CandidatesTable.GetRowsAsync(partitionKey, tokens.SelectMany(CandidateSearch.Rows), cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => CandidateSearch.TokenOf(r.RowKey), StringComparer.Ordinal).ToDictionary(t => t.Key, IReadOnlyList<(string Person, string Records)> (t) => PersonsOf(t), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every entry of the index as a change-set row (<see cref="CandidateSearch.EntryKey"/>, by token, whichever of the
    /// token's rows holds it), with when that row was last written: for the nightly reconciliation, which compares them
    /// with what the facts say.
    /// </summary>
    public async IAsyncEnumerable<(ResidentEntity Entry, DateTimeOffset? StoredAt)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey ge {"c"} and PartitionKey lt {"d"}");
        await foreach (var row in storage.CandidatesTable.QueryRowsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (column, records) in row.TextColumns(CandidateSearch.ColumnPrefix))
            {
                var person = CandidateSearch.PersonOf(column);
                yield return (Entry(CandidateSearch.TokenOf(row.RowKey), person, records), row.StoredAt);
            }
        }
    }

    /// <summary>The change-set row of <paramref name="person"/>'s entry under <paramref name="token"/>.</summary>
    public static ResidentEntity Entry(string token, string person, string records) => new()
    {
        PartitionKey = CandidateSearch.Partition(token),
        RowKey = CandidateSearch.EntryKey(token, person),
        PersonKey = person,
        Records = records,
    };

    // A person is in one row of a token; should a column be left in another, the first one read stands.
    private static List<(string Person, string Records)> PersonsOf(IEnumerable<StoredRow> rows) =>
        rows.SelectMany(r => r.TextColumns(CandidateSearch.ColumnPrefix))
            .Select(c => (Person: CandidateSearch.PersonOf(c.Key), Records: c.Value))
            .DistinctBy(p => p.Person, StringComparer.Ordinal)
            .ToList();

    // A column cannot be dropped by a merge: the row is written again without it, unless someone wrote it since it was
    // read; a row that has none of the columns is left as it is.
    private async Task RemoveAsync(string partitionKey, string rowKey, HashSet<string> columns, CancellationToken cancellationToken)
    {
        while (await storage.CandidatesTable.GetRowAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false) is { Version: { } version } row)
        {
            var stored = row.TextColumns(CandidateSearch.ColumnPrefix);
            var kept = stored.Where(c => !columns.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            if (kept.Count == stored.Count)
            {
                return;
            }

            var outcome = kept.Count == 0
                ? await storage.CandidatesTable.DeleteAsync(partitionKey, rowKey, version, cancellationToken).ConfigureAwait(false)
                : await storage.CandidatesTable.ReplaceColumnsAsync(partitionKey, rowKey, kept, version, cancellationToken).ConfigureAwait(false);
            if (outcome != WriteOutcome.Changed)
            {
                return;
            }
        }
    }
}
