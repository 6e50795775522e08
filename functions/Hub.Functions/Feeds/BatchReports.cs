using Hub.Core.Feeds.Batches;

namespace Hub.Functions.Feeds;

/// <summary>Builds the API's batch report from a stored batch.</summary>
internal static class BatchReports
{
    public static BatchReport From(FeedBatch batch, bool repeated = false) => new(
        batch.Id,
        batch.Source,
        batch.Mode,
        batch.Status,
        repeated,
        batch.ReceivedAt,
        batch.FinishedAt,
        batch.PayloadBytes,
        batch.Counts,
        batch.FirstRejections,
        batch.IgnoredColumns,
        batch.FailureReason,
        new BatchLinks(FeedsApi.BatchPath(batch.Source, batch.Id), FeedsApi.BatchPath(batch.Source, batch.Id) + "/rejects"),
        batch.Hold,
        batch.Decision,
        batch.LikelyCauses);
}
