namespace Hub.Core.Feeds.Processing;

/// <summary>What happened to a pushed feed.</summary>
public enum IntakeOutcome
{
    /// <summary>Archived and queued as a new batch.</summary>
    Accepted = 1,

    /// <summary>The same payload was pushed before; its batch stands.</summary>
    Duplicate,

    /// <summary>Nothing was sent.</summary>
    Empty,

    /// <summary>The payload exceeds the configured limit.</summary>
    TooLarge,

    /// <summary>A transient inconsistency; push again.</summary>
    Retry,

    /// <summary>The body ended before the length the request declared; nothing was kept.</summary>
    Incomplete,
}
