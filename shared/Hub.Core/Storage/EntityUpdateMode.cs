namespace Hub.Core.Storage;

/// <summary>How a write treats the columns a row already has.</summary>
public enum EntityUpdateMode
{
    /// <summary>The row becomes exactly the entity written: columns it does not carry are removed.</summary>
    Replace = 1,

    /// <summary>The entity's columns are written over the row's; columns it does not carry are kept.</summary>
    Merge = 2,
}
