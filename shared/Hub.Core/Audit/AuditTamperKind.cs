namespace Hub.Core.Audit;

/// <summary>What was done to the stored chain, as far as the stored data and the checkpoints tell.</summary>
public enum AuditTamperKind
{
    /// <summary>An event's content (or its stored hash) no longer matches what was written.</summary>
    Edited = 1,

    /// <summary>An event is missing.</summary>
    Removed,

    /// <summary>An event that was never written by the Hub is present.</summary>
    Inserted,

    /// <summary>Events are stored out of their written order.</summary>
    Reordered,
}
