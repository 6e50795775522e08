using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// Where a push subscription's delivery stands, as table <c>deliveries</c> stores it: partition the subscription id,
/// row <c>state</c>. Written with its version, so two workers for one subscription never both move it.
/// </summary>
internal sealed class PushStateEntity : StoredEntity
{
    public const string Row = "state";

    /// <summary>The feed sequence of the next event to deliver.</summary>
    public long Cursor { get; set; }

    /// <summary>Failed attempts of the delivery starting at <see cref="Cursor"/>.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before when the next attempt is made; null when none waits.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    public string? LastFailure { get; set; }

    public DateTimeOffset? LastDeliveredAt { get; set; }

    /// <summary>Until when a worker has claimed the next send; null when nobody is sending.</summary>
    public DateTimeOffset? SendingUntil { get; set; }
}
