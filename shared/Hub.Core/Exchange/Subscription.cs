using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Exchange;

/// <summary>
/// A subscriber's standing request for change events: who holds it (a department officer for their department, a
/// street office for its area), which event types, groups and divisions it asks for, and the purpose the events are
/// rendered for. It never sees more than its holder could read: every event is rendered by the access policy as a
/// read by the holder would be, inside the holder's jurisdiction.
/// </summary>
public sealed record Subscription
{
    /// <summary>The subscription's id.</summary>
    public required string Id { get; init; }

    /// <summary>The holder, as their token described them when they last created or changed it.</summary>
    public required HubUser Holder { get; init; }

    /// <summary>The declared purpose the events are rendered for; null when none.</summary>
    public Purpose? Purpose { get; init; }

    /// <summary>The event types asked for; empty for every type.</summary>
    public IReadOnlyList<ChangeEventType> Types { get; init; } = [];

    /// <summary>Only events about members of these groups (before or after the change); empty for everyone.</summary>
    public IReadOnlyList<GroupId> Groups { get; init; } = [];

    /// <summary>Only events naming a place inside these divisions (inside the holder's jurisdiction); empty for the whole jurisdiction.</summary>
    public IReadOnlyList<DivisionCode> Divisions { get; init; } = [];

    /// <summary>Where events are pushed as they are published, signed with <see cref="Secret"/>; null for a subscription read by pull only.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The signing secret of pushed deliveries; null without an endpoint. Its holder is shown it once, when it is made.</summary>
    public WebhookSecret? Secret { get; init; }

    /// <summary>The feed position a read without a cursor starts from: the feed's tail when the subscription was made.</summary>
    public required long Start { get; init; }

    /// <summary>When it was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was ended; null while active. An ended subscription delivers nothing more.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>True once ended.</summary>
    public bool IsEnded => EndedAt is not null;

    /// <summary>Whether the subscription asks for <paramref name="change"/> (types, groups, divisions); jurisdiction and policy are decided when it is rendered.</summary>
    public bool AsksFor(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (Types.Count == 0 || Types.Contains(change.Type))
            && (Groups.Count == 0 || change.Groups.Any(Groups.Contains) || (change.Group is { } g && Groups.Contains(g)))
            && (Divisions.Count == 0 || change.Places().Any(p => Divisions.Any(d => d.Contains(p.Division))));
    }

    /// <summary>Names the subscription by id only.</summary>
    public override string ToString() => $"Subscription {Id}";
}
