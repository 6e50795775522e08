namespace Hub.Core.Checks;

/// <summary>What became of a decision about a worklist item.</summary>
public enum WorklistDecisionOutcome
{
    /// <summary>The decision was recorded.</summary>
    Decided = 1,

    /// <summary>No item has that id.</summary>
    Unknown = 2,

    /// <summary>The item is not open: it was decided or resolved already.</summary>
    NotOpen = 3,
}
