namespace Hub.Core.Divisions;

/// <summary>What loading a registry version did.</summary>
public enum DivisionRegistryLoadOutcome
{
    /// <summary>The version is now in force.</summary>
    Loaded = 1,

    /// <summary>The version was in force already, with the same content: nothing changed.</summary>
    Unchanged,

    /// <summary>A version of that name was loaded before with other content: versions are never rewritten.</summary>
    VersionTaken,
}
