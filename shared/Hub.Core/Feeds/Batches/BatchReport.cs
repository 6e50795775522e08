using System.Text.Json.Serialization;

namespace Hub.Core.Feeds.Batches;

/// <summary>
/// A batch as a departmental system follows it over the API: status, counts and the first rejections. The Hub
/// answers with it and the command-line client reads it, so both share this one contract.
/// </summary>
/// <param name="Id">The batch id.</param>
/// <param name="Source">The source that pushed it.</param>
/// <param name="Mode">Delta or snapshot.</param>
/// <param name="Status">Accepted, processing, completed, failed, held (a snapshot waiting for a person) or discarded.</param>
/// <param name="Repeated">True when this push repeated an earlier payload and the earlier batch is returned.</param>
/// <param name="ReceivedAt">When the Hub accepted the payload.</param>
/// <param name="FinishedAt">When processing completed or failed.</param>
/// <param name="PayloadBytes">Size of the archived payload.</param>
/// <param name="Counts">Received, inserted, updated, unchanged, rejected and end-dated records.</param>
/// <param name="FirstRejections">The first rejections with row, field and reason; the rejects report has all.</param>
/// <param name="IgnoredColumns">Columns the source mapping does not know; their values were not stored.</param>
/// <param name="FailureReason">Why the batch failed, if it did.</param>
/// <param name="Links">Where to follow the batch and fetch its rejects report.</param>
/// <param name="Hold">Why the snapshot was held, if it was.</param>
/// <param name="Decision">What a person decided about the held snapshot, once they have.</param>
/// <param name="LikelyCauses">
/// Required fields that rejected rows lacked while they carried keys the mapping does not know, with those keys: the
/// likely cause (a column under another name). Names only, never values.
/// </param>
public sealed record BatchReport(
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
    string? FailureReason,
    BatchLinks Links,
    SnapshotHold? Hold = null,
    BatchDecision? Decision = null,
    IReadOnlyList<LikelyCause>? LikelyCauses = null)
{
    /// <summary>True once nothing more happens to the batch on its own: completed, failed, held or discarded.</summary>
    [JsonIgnore]
    public bool IsSettled => Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Held or BatchStatus.Discarded;
}
