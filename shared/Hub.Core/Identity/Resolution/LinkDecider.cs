namespace Hub.Core.Identity.Resolution;

/// <summary>Who decided a link.</summary>
public enum LinkDecider
{
    /// <summary>The matcher, during ingestion; a later manual decision replaces it.</summary>
    Auto = 1,

    /// <summary>A data steward; automatic matching never changes it.</summary>
    Manual,
}
