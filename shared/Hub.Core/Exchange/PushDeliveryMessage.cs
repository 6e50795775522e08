using System.Text.Json;

namespace Hub.Core.Exchange;

/// <summary>
/// A queue message asking for a push subscription's pending events to be delivered, for one parked delivery to be sent
/// again (<see cref="DeadLetter"/>), or, as <see cref="Everyone"/>, for every push subscription to be asked. It names a
/// subscription only; what to send is read from the feed and the delivery state when it is handled, so a message
/// handled twice sends nothing twice that was taken.
/// </summary>
/// <param name="Holder">The subject of the subscription's holder (its partition); empty for <see cref="Everyone"/>.</param>
/// <param name="Subscription">The subscription's id; empty for <see cref="Everyone"/>.</param>
/// <param name="DeadLetter">The parked delivery to send again; null for the subscription's pending events.</param>
public sealed record PushDeliveryMessage(string Holder, string Subscription, string? DeadLetter = null)
{
    /// <summary>Asks for every active push subscription's pending events: sent when a batch publishes, and by the sweep.</summary>
    public static PushDeliveryMessage Everyone { get; } = new(string.Empty, string.Empty);

    /// <summary>Whether the message stands for every push subscription.</summary>
    public bool IsForEveryone => Subscription.Length == 0;

    /// <summary>The message as its queue carries it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>Reads a queue message; throws <see cref="InvalidDataException"/> for one that is not a push request.</summary>
    public static PushDeliveryMessage Parse(string json) =>
        JsonSerializer.Deserialize<PushDeliveryMessage>(json, JsonSerializerOptions.Web) is { Holder: not null, Subscription: not null } message
            ? message
            : throw new InvalidDataException("The queue message is not a push delivery request.");
}
