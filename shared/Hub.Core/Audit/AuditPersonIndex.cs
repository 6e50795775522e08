using System.Diagnostics;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// The "who looked at this person" rows of table <c>auditbyperson</c>, and the cursor that says how far along the
/// chain they are complete.
/// </summary>
/// <remarks>
/// The index is derived from the chain and kept off the request path: a caller is answered once its event is
/// chained, and <see cref="AuditPersonIndexer"/> writes the rows afterwards. The rows cannot share the chain's
/// transaction anyway (a transaction is one partition, and a person's history must be one partition to be read
/// without a scan). Rows are upserts keyed by sequence number, so writing them again is harmless, and the chain
/// stays the record: the index only makes the question cheap. The cursor row (partition <c>~cursor</c>, which no
/// person partition <c>h0</c>–<c>hf</c> range reaches) holds the last sequence up to which every event is
/// indexed; a search reads the index up to it and the chain after it, so an access is reported from the moment
/// it is chained. The cursor lives with the rows, so dropping the table to rebuild it drops the cursor too, and the
/// next catch-up indexes the chain from its start. Putting the rows in the day partition instead would cost
/// nothing extra to write but make "who looked at this person in three years" a thousand partition reads.
/// </remarks>
internal sealed class AuditPersonIndex(HubStorage storage)
{
    /// <summary>The partition of the cursor row; it sorts after every person partition.</summary>
    public const string CursorPartition = "~cursor";

    /// <summary>
    /// The row of the cursor. It names the partition layout, so an index kept in another layout is not taken for
    /// this one: its cursor is not found, and the index is built again from the chain.
    /// </summary>
    public const string CursorRow = "indexed-h16";

    private (ChainCursor Cursor, EntityVersion Version)? _cursor;
    private bool _cursorLoaded;

    /// <summary>
    /// Writes the rows of <paramref name="events"/>, from any number of chain transactions: rows of one person
    /// partition share transactions, one transaction at a time, each as large and followed by the pause
    /// <paramref name="pacing"/> asks for: the index is background work, and readers on the same storage must not
    /// queue behind it.
    /// </summary>
    public async Task WriteAsync(IEnumerable<(string Partition, AuditRecord Record)> events, AuditIndexPacing pacing, CancellationToken cancellationToken)
    {
        var partitions = events
            .SelectMany(e => e.Record.Event.PersonKeys.Where(k => k.Value is not null).Distinct().Select(k => AuditPersonEntity.From(k, e.Partition, e.Record)))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .Select(partition => partition.ToList());
        foreach (var rows in partitions)
        {
            for (var written = 0; written < rows.Count;)
            {
                var chunk = rows.GetRange(written, Math.Min(pacing.TransactionRows, rows.Count - written));
                var started = Stopwatch.GetTimestamp();
                var result = await storage.AuditByPersonTable.SubmitAsync(chunk.Select(e => EntityChange.Upsert(e)), cancellationToken).ConfigureAwait(false);
                if (!result.IsWritten)
                {
                    // Upserts neither find a row in the way nor name a version; storage answering so is a fault.
                    throw new InvalidOperationException($"Writing the audit person index was refused ({result.Outcome}).");
                }

                written += chunk.Count;
                await pacing.PaceAsync(Stopwatch.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How far the index is complete; null when nothing is indexed yet (or the table is missing).</summary>
    public async Task<ChainCursor?> ReadCursorAsync(CancellationToken cancellationToken) =>
        (await LoadCursorAsync(cancellationToken).ConfigureAwait(false))?.Cursor;

    /// <summary>
    /// Moves the cursor forward to <paramref name="cursor"/>, which the caller has indexed everything up to; never
    /// back. Returns the cursor as stored, which another instance may have moved further. One caller at a time: it
    /// keeps the stored row's ETag between calls, so moving the cursor costs one operation.
    /// </summary>
    public async Task<ChainCursor> AdvanceCursorAsync(ChainCursor cursor, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_cursorLoaded)
            {
                _cursor = await LoadCursorAsync(cancellationToken).ConfigureAwait(false);
                _cursorLoaded = true;
            }

            if (_cursor is { } stored && stored.Cursor.Sequence >= cursor.Sequence)
            {
                return stored.Cursor;
            }

            var entity = new AuditIndexCursorEntity { EventPartition = cursor.Partition, Sequence = cursor.Sequence };
            var written = _cursor is { } current
                ? await storage.AuditByPersonTable.UpdateAsync(entity, current.Version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await storage.AuditByPersonTable.AddAsync(entity, cancellationToken).ConfigureAwait(false);
            if (written.IsWritten)
            {
                _cursor = (cursor, written.Version ?? EntityVersion.Any);
                return cursor;
            }

            // Another instance moved it meanwhile (or added it first), or the table was rebuilt without it: read where
            // it stands, and move it only if it is still behind.
            _cursorLoaded = false;
        }
    }

    private async Task<(ChainCursor Cursor, EntityVersion Version)?> LoadCursorAsync(CancellationToken cancellationToken)
    {
        // No table: nothing is indexed, and every event is still to be read from the chain.
        var stored = await storage.AuditByPersonTable.GetAsync<AuditIndexCursorEntity>(CursorPartition, CursorRow, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (new ChainCursor(stored.EventPartition, stored.Sequence), stored.Version ?? EntityVersion.Any);
    }
}
