using Azure.Data.Tables;
using Hub.Core.Audit;

namespace Hub.Benchmarks;

/// <summary>
/// Waits until the audit trail's person index has caught up with the chain (its cursor at the chain head), so one
/// scenario's background index writes do not fall into the next scenario's latencies, and says how far behind the
/// index was when the wait began and how long it took to catch up: the index yields to requests while they are
/// answered, so a sustained load leaves a backlog it works off afterwards.
/// </summary>
internal static class AuditIndexSettling
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    public static async Task<IndexBacklog> WaitAsync(TableServiceClient tables, CancellationToken cancellationToken = default) =>
        await WaitAsync(tables, prefix: "", cancellationToken);

    /// <summary>The same for a Hub whose table names start with <paramref name="prefix"/> (Hub:Storage:NamePrefix).</summary>
    public static async Task<IndexBacklog> WaitAsync(TableServiceClient tables, string prefix, CancellationToken cancellationToken = default)
    {
        long? behind = null;
        var (audit, index) = (tables.GetTableClient($"{prefix}audit"), tables.GetTableClient($"{prefix}auditbyperson"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Longest)
        {
            var head = await audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.ForDay(DateTimeOffset.UtcNow), AuditPartitions.HeadRow, cancellationToken: cancellationToken);
            var cursor = await index.GetEntityIfExistsAsync<TableEntity>(AuditPersonIndex.CursorPartition, AuditPersonIndex.CursorRow, cancellationToken: cancellationToken);
            var chained = head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
            var indexed = cursor.HasValue ? cursor.Value!.GetInt64("Sequence") ?? 0 : 0;
            behind ??= Math.Max(0, chained - indexed);
            if (chained == 0 || indexed >= chained)
            {
                return new IndexBacklog(behind.Value, waited.Elapsed);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        Console.Error.WriteLine("The audit person index had not caught up with the chain after 15 minutes; measuring anyway.");
        return new IndexBacklog(behind ?? 0, waited.Elapsed);
    }
}

/// <summary>How many chained events the person index had still to write after a scenario, and how long it took.</summary>
internal sealed record IndexBacklog(long Events, TimeSpan CaughtUpIn);
