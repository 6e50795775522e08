using Hub.Core.Identity.Resolution;

namespace Hub.Functions.Resolution;

/// <summary>A page of the steward queue.</summary>
/// <param name="Items">The possible matches, in the order asked for.</param>
/// <param name="Total">How many wait within the steward's reach and match the filters, on every page together.</param>
/// <param name="Continuation">The token for the next page; null on the last.</param>
internal sealed record MatchQueuePage(IReadOnlyList<ReviewItem> Items, int Total, string? Continuation);
