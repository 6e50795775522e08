namespace Hub.Functions.Subscriptions;

/// <summary>What a subscriber asks for: event types, groups and divisions (each empty or absent for all), and the purpose events are rendered for.</summary>
/// <param name="Types">Event types, e.g. <c>hub.person.deceased</c>; absent or empty for every type.</param>
/// <param name="Groups">Group ids, e.g. <c>dibao</c>: only events about their members; absent or empty for everyone.</param>
/// <param name="Divisions">12-digit division codes inside the caller's area: only events naming a place there; absent or empty for the whole area.</param>
/// <param name="Purpose">A purpose the access policy lists; conditional attributes are rendered only for one.</param>
/// <param name="Endpoint">An https URL the events are pushed to as they are published, signed; absent for pull only.</param>
internal sealed record SubscriptionRequest(IReadOnlyList<string>? Types, IReadOnlyList<string>? Groups, IReadOnlyList<string>? Divisions, string? Purpose, string? Endpoint = null);
