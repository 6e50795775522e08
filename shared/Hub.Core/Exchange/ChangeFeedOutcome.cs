namespace Hub.Core.Exchange;

/// <summary>How a read of the change feed went.</summary>
public enum ChangeFeedOutcome
{
    /// <summary>A page was read (perhaps empty: nothing new, or nothing for this subscription).</summary>
    Read = 1,

    /// <summary>The cursor points before the events still retained.</summary>
    Expired = 2,

    /// <summary>The subscription was ended.</summary>
    Ended = 3,
}
