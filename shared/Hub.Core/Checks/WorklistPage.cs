namespace Hub.Core.Checks;

/// <summary>One page of worklist items and where the next begins (null on the last page).</summary>
/// <param name="Items">The items of the page.</param>
/// <param name="ContinuationToken">Storage's token for the next page; null when there is none.</param>
public sealed record WorklistPage(IReadOnlyList<WorklistItem> Items, string? ContinuationToken);
