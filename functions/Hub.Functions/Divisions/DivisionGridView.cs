namespace Hub.Functions.Divisions;

/// <summary>A grid of a community.</summary>
/// <param name="Code">The grid's code, e.g. <c>G03</c>.</param>
/// <param name="Name">The grid's name.</param>
internal sealed record DivisionGridView(string Code, string Name);
