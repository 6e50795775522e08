using Hub.Core.Reads;

namespace Hub.Functions.Checks;

/// <summary>A page of the caller's worklist.</summary>
/// <param name="Items">The items, rendered for the caller.</param>
/// <param name="ContinuationToken">The token for the next page; null on the last.</param>
internal sealed record WorklistPageView(IReadOnlyList<RenderedWorklistItem> Items, string? ContinuationToken);
