using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Exchange;

/// <summary>One read of the change feed for one subscription, and what it disclosed.</summary>
public sealed record ChangeFeedPage
{
    /// <summary>How the read went; the other members matter only when it is <see cref="ChangeFeedOutcome.Read"/>.</summary>
    public required ChangeFeedOutcome Outcome { get; init; }

    /// <summary>The events for the subscription, rendered by the policy, in feed order.</summary>
    public IReadOnlyList<ChangeCloudEvent> Events { get; init; } = [];

    /// <summary>Where the next read starts.</summary>
    public ChangeCursor Next { get; init; }

    /// <summary>True when the read reached the feed's end: a follower waits before reading again.</summary>
    public bool CaughtUp { get; init; }

    /// <summary>The persons the events disclosed something about, each once.</summary>
    public IReadOnlyList<PersonKey> Persons { get; init; } = [];

    /// <summary>The attributes the events disclosed, and whether masked.</summary>
    public IReadOnlyList<DisclosedField> Fields { get; init; } = [];

    /// <summary>How many events of the feed the read went past, delivered or not.</summary>
    public int Scanned { get; init; }
}
