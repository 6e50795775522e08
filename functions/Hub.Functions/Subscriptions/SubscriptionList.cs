namespace Hub.Functions.Subscriptions;

/// <summary>The caller's subscriptions, newest first, ended ones included.</summary>
/// <param name="Subscriptions">The subscriptions.</param>
internal sealed record SubscriptionList(IReadOnlyList<SubscriptionView> Subscriptions);
