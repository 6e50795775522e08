namespace Hub.Core.Feeds.Batches;

/// <summary>What a person decided about a held snapshot.</summary>
public enum BatchDecisionKind
{
    /// <summary>The snapshot is meant: apply it in full, end-dates included.</summary>
    Confirmed = 1,

    /// <summary>The snapshot is not meant: apply nothing of it.</summary>
    Discarded,
}
