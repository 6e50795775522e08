namespace Hub.Functions.Subscriptions;

/// <summary>Parked push deliveries, oldest first.</summary>
/// <param name="Items">The letters.</param>
internal sealed record DeadLetterList(IReadOnlyList<DeadLetterView> Items);
