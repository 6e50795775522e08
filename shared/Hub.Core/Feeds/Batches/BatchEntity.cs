using System.Text.Json;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Batches;

/// <summary>A batch as a table entity: partition = source, row = batch id, so a source's history is one partition.</summary>
internal sealed class BatchEntity : StoredEntity
{
    public string Mode { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public string ContentHash { get; set; } = string.Empty;

    public long PayloadBytes { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Attempts { get; set; }

    public long Received { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    public long Rejected { get; set; }

    public long EndDated { get; set; }

    public long Unidentified { get; set; }

    public string FirstRejections { get; set; } = "[]";

    public string IgnoredColumns { get; set; } = "[]";

    public string LikelyCauses { get; set; } = "[]";

    public string? FailureReason { get; set; }

    public string? LastError { get; set; }

    public int GroupsDone { get; set; }

    public int GroupCount { get; set; } = 16;

    /// <summary>The snapshot hold as JSON; null when the batch was never held.</summary>
    public string? Hold { get; set; }

    /// <summary>The decision about a held snapshot as JSON; null before one.</summary>
    public string? Decision { get; set; }

    /// <summary>The data-quality figures as JSON; null until the batch completes.</summary>
    public string? Quality { get; set; }

    public static BatchEntity From(FeedBatch batch) => new()
    {
        PartitionKey = batch.Source,
        RowKey = batch.Id,
        Mode = batch.Mode.ToString(),
        Status = batch.Status.ToString(),
        ContentType = batch.ContentType,
        ContentHash = batch.ContentHash,
        PayloadBytes = batch.PayloadBytes,
        SubmittedBy = batch.SubmittedBy,
        ReceivedAt = batch.ReceivedAt,
        StartedAt = batch.StartedAt,
        FinishedAt = batch.FinishedAt,
        Attempts = batch.Attempts,
        Received = batch.Counts.Received,
        Inserted = batch.Counts.Inserted,
        Updated = batch.Counts.Updated,
        Unchanged = batch.Counts.Unchanged,
        Rejected = batch.Counts.Rejected,
        EndDated = batch.Counts.EndDated,
        Unidentified = batch.Counts.Unidentified,
        FirstRejections = JsonSerializer.Serialize(batch.FirstRejections, StorageJson.Options),
        IgnoredColumns = JsonSerializer.Serialize(batch.IgnoredColumns, StorageJson.Options),
        LikelyCauses = JsonSerializer.Serialize(batch.LikelyCauses, StorageJson.Options),
        FailureReason = batch.FailureReason,
        LastError = batch.LastError,
        GroupsDone = batch.GroupsDone,
        GroupCount = batch.GroupCount,
        Hold = batch.Hold is null ? null : JsonSerializer.Serialize(batch.Hold, StorageJson.Options),
        Decision = batch.Decision is null ? null : JsonSerializer.Serialize(batch.Decision, StorageJson.Options),
        Quality = batch.Quality is null ? null : JsonSerializer.Serialize(batch.Quality, StorageJson.Options),
    };

    public FeedBatch ToBatch() => new()
    {
        Id = RowKey,
        Source = PartitionKey,
        Mode = Enum.Parse<FeedMode>(Mode),
        Status = Enum.Parse<BatchStatus>(Status),
        ContentType = ContentType,
        ContentHash = ContentHash,
        PayloadBytes = PayloadBytes,
        SubmittedBy = SubmittedBy,
        ReceivedAt = ReceivedAt,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Attempts = Attempts,
        Counts = new BatchCounts
        {
            Received = Received,
            Inserted = Inserted,
            Updated = Updated,
            Unchanged = Unchanged,
            Rejected = Rejected,
            EndDated = EndDated,
            Unidentified = Unidentified,
        },
        FirstRejections = JsonSerializer.Deserialize<List<Rejection>>(FirstRejections) ?? [],
        IgnoredColumns = JsonSerializer.Deserialize<List<string>>(IgnoredColumns) ?? [],
        LikelyCauses = JsonSerializer.Deserialize<List<LikelyCause>>(LikelyCauses, StorageJson.Options) ?? [],
        FailureReason = FailureReason,
        LastError = LastError,
        GroupsDone = GroupsDone,
        GroupCount = GroupCount,
        Hold = Hold is null ? null : JsonSerializer.Deserialize<SnapshotHold>(Hold, StorageJson.Options),
        Decision = Decision is null ? null : JsonSerializer.Deserialize<BatchDecision>(Decision, StorageJson.Options),
        Quality = Quality is null ? null : JsonSerializer.Deserialize<BatchQuality>(Quality, StorageJson.Options),
    };
}
