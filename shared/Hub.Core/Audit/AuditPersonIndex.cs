using Azure.Data.Tables;
using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>Writes the "who looked at this person" rows of table <c>auditbyperson</c> for events already chained.</summary>
/// <remarks>
/// The rows cannot share the chain's transaction (a transaction is one partition, and a person's history must be
/// one partition to be read without a scan), so they follow it: one upsert transaction per person partition the
/// group touched, all at once. Rows are upserts keyed by sequence number, so writing them again is harmless, and
/// the chain stays the record: the index only makes the question cheap. Putting the rows in the day partition
/// instead would cost nothing extra to write but make "who looked at this person in three years" a thousand
/// partition reads, and a list of hundreds of persons would not fit one transaction.
/// </remarks>
internal sealed class AuditPersonIndex(HubStorage storage)
{
    private const int TransactionLimit = 100;

    public async Task WriteAsync(string eventPartition, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var transactions = records
            .SelectMany(r => r.Event.PersonKeys.Distinct().Select(k => AuditPersonEntity.From(k, eventPartition, r)))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TransactionLimit))
            .Select(chunk => storage.AuditByPerson.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                cancellationToken));
        await Task.WhenAll(transactions).ConfigureAwait(false);
    }
}
