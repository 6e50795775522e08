namespace Hub.Core.Feeds.Batches;

/// <summary>Whether a feed holds changes or the source's whole current register.</summary>
public enum FeedMode
{
    /// <summary>Changes only: records not in the feed are left as they are.</summary>
    Delta = 1,

    /// <summary>The whole register: records the source sent before but not now are end-dated, never deleted.</summary>
    Snapshot,
}
