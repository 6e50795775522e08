namespace Hub.Core.Feeds.Sources;

/// <summary>Sharing type of an attribute, as in the State Council's government data-sharing rules.</summary>
public enum SharingType
{
    /// <summary>无条件共享: shared with every role whose level allows it.</summary>
    Unconditional = 1,

    /// <summary>有条件共享: shared only for a declared purpose.</summary>
    Conditional,

    /// <summary>不予共享: kept by the source department.</summary>
    NotShared,
}
