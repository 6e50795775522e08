namespace Hub.Core.Subjects;

/// <summary>A page of change events that named the person, delivered to a subscription.</summary>
/// <param name="Sequence">The event's place in the audit chain.</param>
/// <param name="Time">When it was delivered.</param>
/// <param name="Subscription">The subscription that received it.</param>
/// <param name="Mode"><c>push</c> (sent to its endpoint) or <c>pull</c> (read by its holder).</param>
/// <param name="Recipient">The subscription's holder.</param>
/// <param name="Role">The holder's role.</param>
/// <param name="Division">The holder's division.</param>
/// <param name="Purpose">The subscription's purpose.</param>
/// <param name="Fields">The attributes the page gave.</param>
public sealed record SubjectDisclosure(long Sequence, DateTimeOffset Time, string? Subscription, string Mode, string Recipient, string? Role, string? Division, string? Purpose, IReadOnlyList<string> Fields);
