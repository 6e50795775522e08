using Hub.Core.Divisions;

namespace Hub.Functions.Divisions;

/// <summary>One division with its path, where it lies today, what lies in it and what was merged into it.</summary>
/// <param name="Division">The division.</param>
/// <param name="Version">The registry version that answered.</param>
/// <param name="Current">The code it resolves to today: itself, or the end of its successor chain.</param>
/// <param name="Path">From the county down.</param>
/// <param name="Children">The streets of a county, the communities of a street.</param>
/// <param name="Grids">The grids of a community.</param>
/// <param name="Predecessors">The codes merged into it.</param>
internal sealed record DivisionDetailView(
    DivisionView Division,
    string Version,
    string Current,
    IReadOnlyList<DivisionStep> Path,
    IReadOnlyList<DivisionView> Children,
    IReadOnlyList<DivisionGridView> Grids,
    IReadOnlyList<string> Predecessors);
