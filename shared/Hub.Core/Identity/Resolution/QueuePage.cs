namespace Hub.Core.Identity.Resolution;

/// <summary>A page of the possible-match queue.</summary>
/// <param name="Items">The items, in the order asked for.</param>
/// <param name="Total">How many items wait within the steward's reach and match the filters, on every page together.</param>
/// <param name="Next">Where the next page starts; null after the last.</param>
public sealed record QueuePage(IReadOnlyList<ReviewItem> Items, int Total, QueuePosition? Next);
