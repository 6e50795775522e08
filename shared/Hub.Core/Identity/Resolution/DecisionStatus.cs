namespace Hub.Core.Identity.Resolution;

/// <summary>How a steward's decision went.</summary>
public enum DecisionStatus
{
    /// <summary>Recorded, and the profiles concerned rebuilt.</summary>
    Done = 1,

    /// <summary>A key named holds nothing.</summary>
    NotFound,

    /// <summary>The decision does not apply to the keys as they stand (e.g. splitting a person merged into nobody).</summary>
    Conflict,
}
