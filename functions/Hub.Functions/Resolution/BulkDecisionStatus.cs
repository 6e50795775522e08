namespace Hub.Functions.Resolution;

/// <summary>How one decision of a bulk decision went.</summary>
internal enum BulkDecisionStatus
{
    /// <summary>Recorded, and the profiles concerned rebuilt, as the single route would have.</summary>
    Applied = 1,

    /// <summary>A key named holds nothing, or nothing within the steward's reach.</summary>
    NotFound,

    /// <summary>The decision does not apply to the keys as they stand (the record is the person already, say).</summary>
    Conflict,

    /// <summary>The decision is not one the Hub can read (a key not of its form, an unknown action, a record decided twice); nothing was touched.</summary>
    Invalid,
}
