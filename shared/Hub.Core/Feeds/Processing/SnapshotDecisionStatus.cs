namespace Hub.Core.Feeds.Processing;

/// <summary>Whether a decision about a held snapshot applied.</summary>
public enum SnapshotDecisionStatus
{
    /// <summary>Decided: the batch is queued to be applied, or discarded.</summary>
    Done = 1,

    /// <summary>The source has no such batch.</summary>
    UnknownBatch,

    /// <summary>The batch is not held (never was, or someone decided already).</summary>
    NotHeld,
}
