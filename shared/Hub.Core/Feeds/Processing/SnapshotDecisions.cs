using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// A person's decision about a held snapshot: confirm it (it is queued again and applied in full, end-dates included)
/// or discard it (nothing of it is applied; its payload stays archived). The batch row is changed with its ETag, so two
/// people deciding at once cannot both win.
/// </summary>
public sealed partial class SnapshotDecisions(HubStorage storage, TimeProvider time, ILogger<SnapshotDecisions> logger)
{
    /// <summary>The longest reason kept.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Decides about batch <paramref name="batchId"/> of <paramref name="source"/>; the batch as it then stands, or the
    /// reason the decision does not apply. Confirming a batch already confirmed queues it again (harmless: processing
    /// a batch twice stores each record once), so a confirmation whose queue message was lost can be repeated.
    /// </summary>
    public async Task<SnapshotDecisionResult> DecideAsync(string source, string batchId, BatchDecisionKind kind, string decidedBy, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var entity = await storage.BatchesTable.GetAsync<BatchEntity>(source, batchId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return SnapshotDecisionResult.Unknown();
        }

        var batch = entity.ToBatch();
        var repeatConfirmation = kind == BatchDecisionKind.Confirmed && batch.Decision?.Kind == BatchDecisionKind.Confirmed;
        if (batch.Status != BatchStatus.Held && !repeatConfirmation)
        {
            return SnapshotDecisionResult.NotHeld(batch);
        }

        if (!repeatConfirmation)
        {
            var decision = new BatchDecision(kind, decidedBy, time.GetUtcNow(), reason);
            batch = kind == BatchDecisionKind.Confirmed
                ? batch with { Status = BatchStatus.Accepted, Decision = decision }
                : batch with { Status = BatchStatus.Discarded, Decision = decision, FinishedAt = decision.DecidedAt };
            var written = await storage.BatchesTable.UpdateAsync(BatchEntity.From(batch), entity.Version!.Value, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            if (written.Outcome == WriteOutcome.Missing)
            {
                return SnapshotDecisionResult.Unknown();
            }

            if (written.Outcome == WriteOutcome.Changed)
            {
                // Someone decided (or processing moved the batch) between our read and our write.
                var latest = await storage.BatchesTable.GetAsync<BatchEntity>(source, batchId, cancellationToken).ConfigureAwait(false);
                return SnapshotDecisionResult.NotHeld(latest!.ToBatch());
            }

            LogDecided(logger, batch.Id, batch.Source, kind);
        }

        if (batch.Status == BatchStatus.Accepted)
        {
            await FeedBatchMessage.SendAsync(storage, batch, cancellationToken).ConfigureAwait(false);
        }

        return SnapshotDecisionResult.Done(batch);
    }

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Held snapshot batch {BatchId} of {Source}: {Decision}")]
    private static partial void LogDecided(ILogger logger, string batchId, string source, BatchDecisionKind decision);
}
