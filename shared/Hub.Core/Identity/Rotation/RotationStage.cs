namespace Hub.Core.Identity.Rotation;

/// <summary>Where a pepper rotation stands.</summary>
public enum RotationStage
{
    /// <summary>No rotation has run under the current pepper.</summary>
    None = 1,

    /// <summary>Working out each old key's new key.</summary>
    Mapping,

    /// <summary>Moving each key's facts-table rows to its new key.</summary>
    Moving,

    /// <summary>Mapping the keys the worklist, grants, correction requests and the steward's queue name.</summary>
    Remapping,

    /// <summary>Rebuilding the resident and candidate index under the current pepper.</summary>
    Reconciling,

    /// <summary>Every person is at their new key.</summary>
    Done,
}
