namespace Hub.Core.Divisions;

/// <summary>One step of a division's path from its county down: the code (or a grid's code) and its name.</summary>
/// <param name="Level">county, street, community or grid.</param>
/// <param name="Code">The 12-digit code, or the grid's code.</param>
/// <param name="Name">The name.</param>
public sealed record DivisionStep(string Level, string Code, string Name);
