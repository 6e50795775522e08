namespace Hub.Core.Checks;

/// <summary>Where a worklist item stands.</summary>
public enum WorklistStatus
{
    /// <summary>Found and waiting for a decision.</summary>
    Open = 1,

    /// <summary>A person confirmed the contradiction: the owner acts on it.</summary>
    Confirmed = 2,

    /// <summary>A person dismissed it, with a reason.</summary>
    Dismissed = 3,

    /// <summary>Closed by the data: the condition no longer held when the person's facts changed.</summary>
    Resolved = 4,
}
