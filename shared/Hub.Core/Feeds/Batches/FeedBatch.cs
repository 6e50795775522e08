namespace Hub.Core.Feeds.Batches;

/// <summary>One pushed feed: its payload, its progress and its account.</summary>
public sealed record FeedBatch
{
    /// <summary>The batch id, time-ordered: <c>yyyyMMddHHmmss-xxxxxxxx</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The source that pushed it.</summary>
    public required string Source { get; init; }

    /// <summary>Delta or snapshot.</summary>
    public required FeedMode Mode { get; init; }

    /// <summary>Where the batch is.</summary>
    public required BatchStatus Status { get; init; }

    /// <summary>The payload's media type as stored.</summary>
    public required string ContentType { get; init; }

    /// <summary>SHA-256 of the payload, hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Payload size in bytes.</summary>
    public required long PayloadBytes { get; init; }

    /// <summary>The client that pushed it.</summary>
    public required string SubmittedBy { get; init; }

    /// <summary>When the Hub accepted it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When processing last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it completed or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Processing attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The account so far; final once completed.</summary>
    public BatchCounts Counts { get; init; } = new();

    /// <summary>The first rejections, in row order; the full list is in the rejection report.</summary>
    public IReadOnlyList<Rejection> FirstRejections { get; init; } = [];

    /// <summary>Columns in the file that the source mapping does not know; their values were not stored.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Required fields that rows lacked while they carried keys the mapping does not know: the likely cause of their rejection.</summary>
    public IReadOnlyList<LikelyCause> LikelyCauses { get; init; } = [];

    /// <summary>Why the batch failed, when it did.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Why the snapshot was held, when it was; kept after a decision, as the decision's grounds.</summary>
    public SnapshotHold? Hold { get; init; }

    /// <summary>What a person decided about the held snapshot, when they have.</summary>
    public BatchDecision? Decision { get; init; }

    /// <summary>True once nothing more will happen to the batch on its own: completed, failed, held or discarded.</summary>
    public bool IsSettled => Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Held or BatchStatus.Discarded;

    /// <summary>The batch's data-quality figures, recorded when it completes; null before, and for batches completed before they were kept.</summary>
    public BatchQuality? Quality { get; init; }

    /// <summary>The last processing error, kept for the poison handler's report.</summary>
    public string? LastError { get; init; }

    /// <summary>Merge groups completed, so a restarted run resumes after them.</summary>
    public int GroupsDone { get; init; }

    /// <summary>How many merge groups the batch's records are split into; fixed by its first attempt.</summary>
    public int GroupCount { get; init; } = 16;
}
