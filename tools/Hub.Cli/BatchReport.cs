using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;

namespace Hub.Cli;

/// <summary>A batch as the Hub reports it (GET /api/feeds/{source}/batches/{batchId}).</summary>
internal sealed record BatchReport(
    string Id,
    string Source,
    FeedMode Mode,
    BatchStatus Status,
    bool Repeated,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FinishedAt,
    long PayloadBytes,
    BatchCounts Counts,
    IReadOnlyList<Rejection> FirstRejections,
    IReadOnlyList<string> IgnoredColumns,
    string? FailureReason)
{
    public bool IsFinished => Status is BatchStatus.Completed or BatchStatus.Failed;
}
