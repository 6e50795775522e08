namespace Hub.Core.Checks;

/// <summary>One page of worklist items and where the next begins.</summary>
/// <param name="Items">The items of the page, in index order.</param>
/// <param name="Next">Where the next page goes on from; null on the last page.</param>
public sealed record WorklistPage(IReadOnlyList<WorklistItem> Items, WorklistPosition? Next);
