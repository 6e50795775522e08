namespace Hub.Core.Feeds.Sources;

/// <summary>Where a source's records find the person they are about.</summary>
public enum SourceIdentity
{
    /// <summary>One field of type <see cref="FieldType.ResidentId"/> carries the ID number the person key comes from.</summary>
    ResidentId = 1,

    /// <summary>
    /// The layout has no ID number at all: every record goes straight to matching by its other fields (name, birth
    /// date, phone, division), and no row is reported for a missing ID.
    /// </summary>
    None,
}
