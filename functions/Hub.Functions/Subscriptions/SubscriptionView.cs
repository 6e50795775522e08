using Hub.Core.Exchange;

namespace Hub.Functions.Subscriptions;

/// <summary>A subscription as its holder sees it.</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="Status"><c>active</c> or <c>ended</c>.</param>
/// <param name="Types">The event types asked for; empty for every type.</param>
/// <param name="Groups">The groups asked for; empty for everyone.</param>
/// <param name="Divisions">The divisions asked for; empty for the holder's whole area.</param>
/// <param name="Purpose">The purpose events are rendered for; null when none.</param>
/// <param name="Division">The holder's area when it was made or last changed.</param>
/// <param name="Roles">The holder's roles then.</param>
/// <param name="Start">The cursor a read without one starts from.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
/// <param name="EndedAt">When it was ended; null while active.</param>
/// <param name="Endpoint">Where events are pushed; null for pull only.</param>
/// <param name="Secret">The push signing secret: given once, in the answer that made it; null in every other answer.</param>
internal sealed record SubscriptionView(
    string Id,
    string Status,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Divisions,
    string? Purpose,
    string Division,
    IReadOnlyList<string> Roles,
    string Start,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    string? Endpoint,
    string? Secret)
{
    /// <summary>The subscription as its holder sees it; its secret only when <paramref name="revealSecret"/> (the answer that made it).</summary>
    public static SubscriptionView Of(Subscription subscription, bool revealSecret = false) => new(
        subscription.Id,
        subscription.IsEnded ? "ended" : "active",
        [.. subscription.Types.Select(t => t.Value)],
        [.. subscription.Groups.Select(g => g.Value)],
        [.. subscription.Divisions.Select(d => d.Value)],
        subscription.Purpose?.Value,
        subscription.Holder.Division.Value,
        [.. subscription.Holder.Roles.Order(StringComparer.Ordinal)],
        new ChangeCursor(subscription.Start).ToString(),
        subscription.CreatedAt,
        subscription.UpdatedAt,
        subscription.EndedAt,
        subscription.Endpoint?.AbsoluteUri,
        revealSecret ? subscription.Secret?.ToString() : null);
}
