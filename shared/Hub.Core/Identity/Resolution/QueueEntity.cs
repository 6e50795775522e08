using Hub.Core.Storage;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// A possible match waiting for a data steward, in the review table: one partition (the queue is small by design,
/// at most 30 per 10,000 records of a generated population), row key the key of the record under review.
/// </summary>
internal sealed class QueueEntity : StoredEntity
{
    public const string Partition = "possible";

    public QueueEntity() => PartitionKey = Partition;

    public string Source { get; set; } = string.Empty;

    public string Batch { get; set; } = string.Empty;

    public double? Score { get; set; }

    /// <summary>The candidate persons and their scores, as JSON.</summary>
    public string Candidates { get; set; } = "[]";

    public DateTimeOffset QueuedAt { get; set; }
}
