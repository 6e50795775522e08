using Hub.Core.Exchange;

namespace Hub.Functions.Subscriptions;

/// <summary>A parked push delivery: which events (by feed position, never their content), how often it was tried and why it failed.</summary>
/// <param name="Subscription">The subscription whose delivery it was.</param>
/// <param name="Id">The letter's id, for a re-drive.</param>
/// <param name="First">The feed position of its first event.</param>
/// <param name="Last">The feed position of its last event.</param>
/// <param name="Events">How many events it holds.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="Reason">Why the last attempt failed.</param>
/// <param name="ParkedAt">When it was given up.</param>
/// <param name="RedriveRequestedAt">When a re-drive was last asked for; null if never.</param>
internal sealed record DeadLetterView(string Subscription, string Id, string First, string Last, int Events, int Attempts, string Reason, DateTimeOffset ParkedAt, DateTimeOffset? RedriveRequestedAt)
{
    public static DeadLetterView Of(DeadLetter letter) => new(
        letter.Subscription, letter.Id, new ChangeCursor(letter.First).ToString(), new ChangeCursor(letter.Last).ToString(), letter.Events, letter.Attempts, letter.Reason, letter.ParkedAt, letter.RedriveRequestedAt);
}
