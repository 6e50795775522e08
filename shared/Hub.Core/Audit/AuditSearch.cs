using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Searches the audit trail. Every filter is built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>,
/// which quotes and escapes each value, so no search text can change the query.
/// </summary>
public sealed class AuditSearch(HubStorage storage)
{
    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>One page of the events matching <paramref name="query"/>.</summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, string? continuationToken = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (query.PersonKey is { } personKey)
        {
            var filter = Join(
                TableClient.CreateQueryFilter($"PartitionKey eq {personKey.PartitionKey} and RowKey ge {AuditPersonEntity.RowPrefix(personKey)} and RowKey lt {personKey.Value + "}"}"),
                Filters(query));
            await foreach (var page in storage.AuditByPerson.QueryAsync<AuditPersonEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize).ConfigureAwait(false))
            {
                var events = await Task.WhenAll(page.Values.Select(row => ReadEventAsync(row.EventPartition, row.Sequence, cancellationToken))).ConfigureAwait(false);
                return new AuditPage(events.OfType<AuditRecord>().ToList(), page.ContinuationToken);
            }
        }
        else
        {
            // An event is in the partition of the day it was written, which may be a day after its time when two
            // instances' clocks differ at midnight; one day of margin each side, the Time filter does the rest.
            var filter = Join(
                TableClient.CreateQueryFilter($"PartitionKey ge {AuditPartitions.ForDay(query.From.AddDays(-1))} and PartitionKey le {AuditPartitions.ForDay(query.To.AddDays(1))} and RowKey lt {AuditPartitions.EventRowsEnd}"),
                Filters(query));
            await foreach (var page in storage.Audit.QueryAsync<AuditEventEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize).ConfigureAwait(false))
            {
                return new AuditPage(page.Values.Select(e => e.ToRecord()).ToList(), page.ContinuationToken);
            }
        }

        return new AuditPage([], null);
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

    /// <summary>The filters both tables share: the event row and its person-index rows carry the same columns.</summary>
    private static IEnumerable<string> Filters(AuditQuery query)
    {
        yield return TableClient.CreateQueryFilter($"Time ge {query.From} and Time lt {query.To}");
        if (query.UserId is { } user)
        {
            yield return TableClient.CreateQueryFilter($"UserId eq {user}");
        }

        if (query.DivisionPrefix is { Length: > 0 } prefix)
        {
            var end = prefix[..^1] + (char)(prefix[^1] + 1);
            yield return TableClient.CreateQueryFilter($"Division ge {prefix} and Division lt {end}");
        }

        if (query.Actions is { Count: > 0 } actions)
        {
            yield return string.Join(" or ", actions.Select(a => TableClient.CreateQueryFilter($"Action eq {a.Value}")));
        }

        if (query.Purpose is { } purpose)
        {
            yield return TableClient.CreateQueryFilter($"Purpose eq {purpose}");
        }

        if (query.Outcome is { } outcome)
        {
            yield return TableClient.CreateQueryFilter($"Outcome eq {AuditCanonicalForm.FormatOutcome(outcome)}");
        }

        if (query.BreakGlass is { } breakGlass)
        {
            yield return TableClient.CreateQueryFilter($"BreakGlass eq {breakGlass}");
        }
    }

    private static string Join(string first, IEnumerable<string> rest) => string.Join(" and ", rest.Prepend(first).Select(f => $"({f})"));

    private async Task<AuditRecord?> ReadEventAsync(string partition, long sequence, CancellationToken cancellationToken)
    {
        var response = await storage.Audit.GetEntityIfExistsAsync<AuditEventEntity>(partition, AuditPartitions.EventRow(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }
}
