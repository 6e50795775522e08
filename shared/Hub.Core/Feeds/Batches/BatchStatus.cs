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

    /// <summary>
    /// A snapshot the department probably did not mean (it would end-date too much of the register, or read no
    /// accepted row), read but not applied: it waits for a person to confirm or discard it
    /// (<see cref="FeedBatch.Hold"/> says why).
    /// </summary>
    Held,

    /// <summary>A held snapshot a person discarded: nothing of it was applied; its payload stays archived.</summary>
    Discarded,
}
