namespace Hub.Functions.Subscriptions;

/// <summary>Where a push subscription's delivery stands.</summary>
/// <param name="Endpoint">Where events are pushed.</param>
/// <param name="Cursor">The feed position of the next event to push.</param>
/// <param name="Attempts">Failed attempts of the delivery waiting at the cursor (0 when none failed).</param>
/// <param name="RetryAt">When it is tried next; null when nothing waits for a retry.</param>
/// <param name="LastFailure">Why the last failed attempt failed; null after a success.</param>
/// <param name="LastDeliveredAt">When the endpoint last took a delivery; null if never.</param>
/// <param name="DeadLetters">Deliveries given up after every attempt, oldest first.</param>
internal sealed record PushDeliveryView(string Endpoint, string Cursor, int Attempts, DateTimeOffset? RetryAt, string? LastFailure, DateTimeOffset? LastDeliveredAt, IReadOnlyList<DeadLetterView> DeadLetters);
