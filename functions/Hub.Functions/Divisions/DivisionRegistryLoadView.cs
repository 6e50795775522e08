using Hub.Core;

namespace Hub.Functions.Divisions;

/// <summary>What loading a registry file did.</summary>
/// <param name="Version">The version the file states.</param>
/// <param name="Outcome"><c>loaded</c> (now in force) or <c>unchanged</c> (in force already).</param>
/// <param name="DivisionCount">How many divisions it holds.</param>
/// <param name="GridCount">How many grids it holds.</param>
/// <param name="Warnings">What the check found that does not refuse the file.</param>
internal sealed record DivisionRegistryLoadView(string Version, string Outcome, int DivisionCount, int GridCount, IReadOnlyList<HubFileFinding> Warnings);
