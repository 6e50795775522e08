namespace Hub.Core.Access.Residents;

/// <summary>One page of a resident list.</summary>
/// <param name="Rows">The rows, in street and row-key order; each person once.</param>
/// <param name="Next">Where the next page starts; null after the last page.</param>
/// <param name="Scanned">How many index rows were read for the page, filters included.</param>
internal sealed record ResidentListPage(IReadOnlyList<ResidentEntity> Rows, ResidentListPosition? Next, int Scanned);
