namespace Hub.Core.Access.Residents;

/// <summary>One page of a resident list.</summary>
/// <param name="Residents">The residents, in street and row-key order; each person once.</param>
/// <param name="Next">Where the next page starts; null after the last page.</param>
/// <param name="Scanned">How many index rows were read for the page, filters included.</param>
public sealed record ResidentListPage(IReadOnlyList<ListedResident> Residents, ResidentListPosition? Next, int Scanned);
