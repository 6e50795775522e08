using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Searches the audit trail. Every filter is built with <see cref="TableFilter.Of(FormattableString)"/>,
/// which quotes and escapes each value, so no search text can change the query.
/// </summary>
public sealed class AuditSearch(HubStorage storage)
{
    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 1000;

    private readonly AuditPersonSearch _persons = new(storage);
    private readonly AuditPersonKeysSearch _personKeys = new(new AuditPersonSearch(storage));

    /// <summary>
    /// One page of the events matching <paramref name="query"/>. A search by person key reads the person index and
    /// then the chain's events not indexed yet, so it lists every access whose request was answered; a person with more
    /// than one key (<see cref="AuditQuery.PersonKeys"/>) is searched under each in turn.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one this search gave.</exception>
    public async Task<AuditPage> SearchAsync(AuditQuery query, string? continuationToken = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (query.PersonKeys is { Count: > 1 } keys)
        {
            return await _personKeys.SearchAsync(query, keys, continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
        }

        if (query.PersonKey is not null)
        {
            return await _persons.SearchAsync(query, continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
        }

        // An event is in the partition of the day it was written, which may be a day after its time when two
        // instances' clocks differ at midnight; one day of margin each side, the Time filter does the rest.
        var filter = query.TableFilter(TableFilter.Of(
            $"PartitionKey ge {AuditPartitions.ForDay(query.From.AddDays(-1))} and PartitionKey le {AuditPartitions.ForDay(query.To.AddDays(1))} and RowKey lt {AuditPartitions.EventRowsEnd}"));
        var page = await storage.AuditTable.QueryPageAsync<AuditEventEntity>(filter, continuationToken, pageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new AuditPage(page.Items.Select(e => e.ToRecord()).ToList(), page.ContinuationToken);
    }

    /// <summary>Every event matching <paramref name="query"/>, oldest first, page by page.</summary>
    public async IAsyncEnumerable<AuditRecord> SearchAllAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await SearchAsync(query, continuation, MaxPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Events)
            {
                yield return record;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }
}
