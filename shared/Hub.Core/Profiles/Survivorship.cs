namespace Hub.Core.Profiles;

/// <summary>How the surviving value of an attribute is chosen among the facts that carry one.</summary>
public enum Survivorship
{
    /// <summary>The first source of an ordered list that has a value wins; then the rule's fallback applies.</summary>
    Authoritative = 1,

    /// <summary>The value of the most recently updated fact wins, whatever its source.</summary>
    MostRecent = 2,
}
