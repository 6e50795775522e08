using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>Where a push subscription's delivery stands.</summary>
/// <param name="Cursor">The feed sequence of the next event to deliver.</param>
/// <param name="Attempts">Failed attempts of the delivery starting at <paramref name="Cursor"/>.</param>
/// <param name="RetryAt">Not before when the next attempt is made; null when none waits.</param>
/// <param name="LastFailure">Why the last failed attempt failed; null after a success.</param>
/// <param name="LastDeliveredAt">When the endpoint last took a delivery.</param>
/// <param name="SendingUntil">
/// Until when a worker has claimed the next send: no other worker sends meanwhile, and a worker that stopped mid-send
/// lets the claim lapse. Null when nobody is sending.
/// </param>
/// <param name="Version">The stored row's version; null before the first delivery.</param>
public sealed record PushState(long Cursor, int Attempts, DateTimeOffset? RetryAt, string? LastFailure, DateTimeOffset? LastDeliveredAt, DateTimeOffset? SendingUntil, EntityVersion? Version);
