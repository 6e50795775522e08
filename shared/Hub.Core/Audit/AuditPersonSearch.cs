using System.Globalization;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// "Who looked at this person": the person index up to its cursor, then the chain's events after the cursor, read
/// and filtered in memory. The index is written off the request path, so the tail holds the accesses answered but
/// not indexed yet; together they list every access from the moment its event is chained.
/// </summary>
/// <remarks>
/// Pages run oldest first: the index's rows up to the cursor (row-key order is sequence order), then the tail,
/// which starts on the page where the index ends. The cursor read for the first page travels in the continuation
/// token, so every page splits index and tail at the same sequence, and no event is listed twice or missed while
/// the indexer moves the cursor on. Tokens are <c>i|{cursor sequence}|{cursor partition}|{table token}</c> within
/// the index and <c>t|{sequence}|{partition}</c> (resume after that event) within the tail.
/// </remarks>
internal sealed class AuditPersonSearch(HubStorage storage)
{
    private const char Separator = '|';
    private const string InIndex = "i";
    private const string InTail = "t";

    private readonly AuditPersonIndex _index = new(storage);
    private readonly AuditChainReader _chain = new(storage);

    public async Task<AuditPage> SearchAsync(AuditQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var person = query.PersonKey!.Value;
        var (inTail, cursor, tableToken) = continuationToken is null
            ? (false, await _index.ReadCursorAsync(cancellationToken).ConfigureAwait(false) ?? new ChainCursor(string.Empty, 0), null)
            : Parse(continuationToken);
        var events = new List<AuditRecord>();
        if (!inTail && cursor.Sequence > 0)
        {
            var filter = query.TableFilter(TableFilter.Of(
                $"PartitionKey eq {AuditPersonEntity.PartitionOf(person)} and RowKey ge {AuditPersonEntity.RowPrefix(person)} and RowKey lt {person.Value + "}"} and Sequence le {cursor.Sequence}"));
            var page = await storage.AuditByPersonTable.QueryPageAsync<AuditPersonEntity>(filter, tableToken, pageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            var read = await Task.WhenAll(page.Items.Select(row => ReadEventAsync(row.EventPartition, row.Sequence, cancellationToken))).ConfigureAwait(false);
            events.AddRange(read.OfType<AuditRecord>());
            if (page.ContinuationToken is { } next)
            {
                return new AuditPage(events, string.Join(Separator, InIndex, Format(cursor), next));
            }
        }

        var (tail, resume) = await ReadTailAsync(query, cursor, pageSize - events.Count, cancellationToken).ConfigureAwait(false);
        events.AddRange(tail);
        return new AuditPage(events, resume is null ? null : string.Join(Separator, InTail, Format(resume)));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> matching events of the chain after <paramref name="after"/>, and where to resume
    /// when more may follow (after the last one returned).
    /// </summary>
    private async Task<(List<AuditRecord> Events, ChainCursor? Resume)> ReadTailAsync(AuditQuery query, ChainCursor after, int limit, CancellationToken cancellationToken)
    {
        var found = new List<AuditRecord>();
        var last = after;
        await foreach (var (partition, events) in _chain.ReadAfterAsync(after, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in events.Select(e => e.ToRecord()).Where(query.Matches))
            {
                if (found.Count == limit)
                {
                    return (found, last);
                }

                found.Add(record);
                last = new ChainCursor(partition, record.Sequence);
            }
        }

        return (found, null);
    }

    private async Task<AuditRecord?> ReadEventAsync(string partition, long sequence, CancellationToken cancellationToken)
    {
        var row = await storage.AuditTable.GetAsync<AuditEventEntity>(partition, AuditPartitions.EventRow(sequence), cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private static string Format(ChainCursor cursor) => string.Join(Separator, cursor.Sequence.ToString(CultureInfo.InvariantCulture), cursor.Partition);

    private static (bool InTail, ChainCursor Cursor, string? TableToken) Parse(string token)
    {
        var parts = token.Split(Separator, 4);
        var valid = parts.Length == (parts[0] == InIndex ? 4 : 3)
            && parts[0] is InIndex or InTail
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && (parts[2].Length == 0 || (parts[2].Length == 9 && parts[2][0] == 'd' && parts[2].Skip(1).All(char.IsAsciiDigit)));
        return valid
            ? (parts[0] == InTail, new ChainCursor(parts[2], long.Parse(parts[1], CultureInfo.InvariantCulture)), parts[0] == InIndex ? parts[3] : null)
            : throw new ArgumentException("The continuation token is not one this search gave.", nameof(token));
    }
}
