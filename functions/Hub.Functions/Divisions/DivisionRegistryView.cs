namespace Hub.Functions.Divisions;

/// <summary>The registry in force: its version and its divisions (of one parent, when asked).</summary>
/// <param name="Version">The version.</param>
/// <param name="Hash">The SHA-256 of the file, lower-case hex.</param>
/// <param name="DivisionCount">How many divisions it holds, retired ones included.</param>
/// <param name="GridCount">How many grids it holds.</param>
/// <param name="Divisions">The divisions listed, in code order.</param>
internal sealed record DivisionRegistryView(string Version, string Hash, int DivisionCount, int GridCount, IReadOnlyList<DivisionView> Divisions);
