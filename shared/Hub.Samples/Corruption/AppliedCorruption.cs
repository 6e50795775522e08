namespace Hub.Samples.Corruption;

/// <summary>A corruption put into a sample row on purpose.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Column">The column header of the cell it changed (for a duplicate, the ID cell it leaves empty).</param>
public sealed record AppliedCorruption(CorruptionKind Kind, string Column);
