namespace Hub.Core.Quality;

/// <summary>How one figure moved from the department's previous batch to this one.</summary>
/// <param name="Figure">The figure: <c>rejectionRate</c>, <c>keptWithoutIdShare</c>, <c>completeness</c>, <c>disagreementRate</c>, <c>meanLagDays</c>.</param>
/// <param name="Subject">The attribute for a per-attribute figure; null for a batch-wide one.</param>
/// <param name="Before">The previous batch's value; null when it had none.</param>
/// <param name="After">This batch's value; null when it has none.</param>
/// <param name="Change">After minus before; null when either is missing.</param>
public sealed record QualityMovement(string Figure, string? Subject, double? Before, double? After, double? Change);
