using System.Runtime.CompilerServices;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The candidate index in table storage (<see cref="CandidateSearch"/>): files persons under the tokens of their
/// blocking keys, each in the row of the token their person key chooses, and finds the persons filed under a token by
/// reading all its rows.
/// </summary>
/// <remarks>
/// A row holds at most <see cref="CandidateKeyRows.ColumnsPerRow"/> persons, and Azure refuses a transaction whose
/// merge would add one more. A key shared by that many (a placeholder phone or birth date a department's export gives
/// everyone it lacks one for, a placeholder name) no longer tells persons apart: the row is filled to the brim and the
/// persons past it are not filed under that key (they stay under their other keys), rather than the whole batch failing
/// on every attempt. How many were left out is logged, never the key.
/// </remarks>
internal sealed partial class CandidateIndex(HubStorage storage, ILogger<CandidateIndex> logger)
{
    private const int ChangesPerTransaction = 100;

    /// <summary>
    /// Writes a batch's entries: every added or changed entry as a merge of its column into its person's row of the
    /// token (entries of one row coalesced into one change, 100 rows to a transaction per partition), then every entry
    /// that went away by rewriting that row without the column, guarded by the version read, and deleting the row when
    /// no column is left. Returns how many added entries found their row full and were not filed.
    /// </summary>
    public async Task<int> ApplyAsync(IEnumerable<ResidentEntity> entries, IEnumerable<(string PartitionKey, string RowKey)> removals, int concurrency, CancellationToken cancellationToken = default)
    {
        var merges = entries
            .GroupBy(e => (e.PartitionKey, Row: CandidateSearch.Row(CandidateSearch.TokenOfEntry(e.RowKey), e.PersonKey)))
            .Select(row => new RowMerge(row.Key.PartitionKey, row.Key.Row, row.ToDictionary(e => CandidateSearch.Column(e.PersonKey), e => e.Records, StringComparer.Ordinal)))
            .GroupBy(m => m.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(ChangesPerTransaction))
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var unfiled = 0;
        await Parallel.ForEachAsync(merges, parallel, async (chunk, token) =>
            Interlocked.Add(ref unfiled, await MergeAsync(chunk, token).ConfigureAwait(false))).ConfigureAwait(false);
        if (unfiled > 0)
        {
            LogRowsFull(logger, unfiled, CandidateKeyRows.ColumnsPerRow);
        }

        // An entry's token says its rows, so one filed before its kind was spread (a row keyed by the bare hash) is
        // removed from that row: how the reconciliation moves a store to the current layout.
        var leaving = removals
            .GroupBy(r => (r.PartitionKey, Row: CandidateSearch.Row(CandidateSearch.TokenOfEntry(r.RowKey), CandidateSearch.PersonOfEntry(r.RowKey))))
            .Select(row => (row.Key.PartitionKey, row.Key.Row, Columns: row.Select(r => CandidateSearch.Column(CandidateSearch.PersonOfEntry(r.RowKey))).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(leaving, parallel, async (row, token) =>
            await RemoveAsync(row.PartitionKey, row.Row, row.Columns, token).ConfigureAwait(false)).ConfigureAwait(false);
        return unfiled;
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

    // One transaction for the chunk's rows; a row storage refuses to take past its columns is filled on its own and the
    // rest written again without it. Returns the entries left out.
    private async Task<int> MergeAsync(IReadOnlyList<RowMerge> chunk, CancellationToken cancellationToken)
    {
        var pending = chunk.ToList();
        var unfiled = 0;
        while (pending.Count > 0)
        {
            var result = await storage.CandidatesTable.SubmitAsync(pending.Select(m => m.Change()), cancellationToken).ConfigureAwait(false);
            if (result.Outcome != WriteOutcome.TooManyColumns)
            {
                result.ThrowIfNotWritten();
                break;
            }

            if (result.FailedIndex is not { } failed || failed >= pending.Count)
            {
                // Storage did not say which row: each is written on its own.
                foreach (var merge in pending)
                {
                    unfiled += await FillAsync(merge, cancellationToken).ConfigureAwait(false);
                }

                break;
            }

            unfiled += await FillAsync(pending[failed], cancellationToken).ConfigureAwait(false);
            pending.RemoveAt(failed);
        }

        return unfiled;
    }

    // Writes as many of the merge's new columns as the row has room for (a column it holds already is always written: it
    // adds none), guarded by the version read; the new columns are taken in column order, so every writer keeps the same.
    // Returns the columns left out.
    private async Task<int> FillAsync(RowMerge merge, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await storage.CandidatesTable.GetRowAsync(merge.PartitionKey, merge.RowKey, cancellationToken).ConfigureAwait(false);
            // A row of the index has no columns but its persons'.
            var stored = row?.TextColumns(CandidateSearch.ColumnPrefix) ?? new Dictionary<string, string>(StringComparer.Ordinal);
            var room = Math.Max(0, CandidateKeyRows.ColumnsPerRow - stored.Count);
            var kept = merge.Columns
                .Where(c => stored.ContainsKey(c.Key))
                .Concat(merge.Columns.Where(c => !stored.ContainsKey(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Take(room))
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            if (kept.Count > 0)
            {
                var result = await storage.CandidatesTable.SubmitAsync([EntityChange.MergeColumns(merge.PartitionKey, merge.RowKey, kept, row?.Version)], cancellationToken).ConfigureAwait(false);
                if (result.Outcome is WriteOutcome.Changed or WriteOutcome.Missing or WriteOutcome.TooManyColumns)
                {
                    // Another writer came first: read the row again.
                    continue;
                }

                result.ThrowIfNotWritten();
            }

            return merge.Columns.Count - kept.Count;
        }
    }

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "{Entries} candidate index entries were not filed: the row of their key holds {Columns} persons, as many as a row takes, so the key (a value a source gives thousands of persons, such as a placeholder phone, birth date or name) no longer tells persons apart; the persons stay under their other keys")]
    private static partial void LogRowsFull(ILogger logger, int entries, int columns);

    // One row's entries of a batch: the columns merged into it.
    private sealed record RowMerge(string PartitionKey, string RowKey, IReadOnlyDictionary<string, string> Columns)
    {
        public EntityChange Change() => EntityChange.MergeColumns(PartitionKey, RowKey, Columns);
    }

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
