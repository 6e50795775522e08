namespace Hub.Core.Exchange;

/// <summary>Events a subscriber's endpoint did not take after every attempt, parked for an operator to re-drive.</summary>
/// <param name="Subscription">The subscription whose delivery it was.</param>
/// <param name="Holder">The subject of the subscription's holder.</param>
/// <param name="Id">The letter's id within its subscription.</param>
/// <param name="First">The feed sequence of its first event.</param>
/// <param name="Last">The feed sequence of its last event.</param>
/// <param name="Events">How many events it holds.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="Reason">Why the last attempt failed.</param>
/// <param name="ParkedAt">When it was given up.</param>
/// <param name="RedriveRequestedAt">When an operator last asked for it to be sent again; null if never.</param>
public sealed record DeadLetter(string Subscription, string Holder, string Id, long First, long Last, int Events, int Attempts, string Reason, DateTimeOffset ParkedAt, DateTimeOffset? RedriveRequestedAt);
