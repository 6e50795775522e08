namespace Hub.Core.Divisions;

/// <summary>What reading a registry file gave: the registry when it passed, and every finding.</summary>
/// <param name="Registry">The registry; null when any finding is an error.</param>
/// <param name="Findings">Errors (the file is refused) and warnings (it is taken, and they are reported).</param>
public sealed record DivisionRegistryLoad(DivisionRegistry? Registry, IReadOnlyList<HubFileFinding> Findings);
