using Hub.Core.Exchange;

namespace Hub.Functions.Subscriptions;

/// <summary>A page of a subscription's change feed.</summary>
/// <param name="Events">CloudEvents 1.0 events in feed order, each rendered by the access policy for the subscriber.</param>
/// <param name="Next">The cursor to read from next; keep it to resume or replay.</param>
/// <param name="CaughtUp">True when the read reached the end of the feed: wait before reading again.</param>
internal sealed record ChangeEventsPage(IReadOnlyList<ChangeCloudEvent> Events, string Next, bool CaughtUp);
