namespace Hub.Core.Feeds.Batches;

/// <summary>Where a feed batch is in its life.</summary>
public enum BatchStatus
{
    /// <summary>Archived and queued; not started.</summary>
    Accepted = 1,

    /// <summary>Being parsed and merged.</summary>
    Processing,

    /// <summary>Every row is accounted for.</summary>
    Completed,

    /// <summary>The feed could not be processed; <see cref="FeedBatch.FailureReason"/> says why.</summary>
    Failed,
}
