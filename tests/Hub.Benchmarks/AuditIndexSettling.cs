using Azure.Data.Tables;
using Hub.Core.Audit;

namespace Hub.Benchmarks;

/// <summary>
/// Waits until the audit trail's person index has caught up with the chain (its cursor at the chain head), so one
/// scenario's background index writes do not fall into the next scenario's latencies.
/// </summary>
internal static class AuditIndexSettling
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    public static async Task WaitAsync(TableServiceClient tables, CancellationToken cancellationToken = default)
    {
        var (audit, index) = (tables.GetTableClient("audit"), tables.GetTableClient("auditbyperson"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Longest)
        {
            var head = await audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.ForDay(DateTimeOffset.UtcNow), AuditPartitions.HeadRow, cancellationToken: cancellationToken);
            var cursor = await index.GetEntityIfExistsAsync<TableEntity>(AuditPersonIndex.CursorPartition, AuditPersonIndex.CursorRow, cancellationToken: cancellationToken);
            var chained = head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
            if (chained == 0 || (cursor.HasValue && (cursor.Value!.GetInt64("Sequence") ?? 0) >= chained))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        Console.Error.WriteLine("The audit person index had not caught up with the chain after 15 minutes; measuring anyway.");
    }
}
