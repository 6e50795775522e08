namespace Hub.Core.Profiles;

/// <summary>What an authoritative rule does when none of its sources has a value.</summary>
public enum SurvivorshipFallback
{
    /// <summary>Take the most recently updated value of any other source.</summary>
    MostRecent = 1,

    /// <summary>Leave the attribute empty: only the listed sources may state it.</summary>
    None = 2,
}
