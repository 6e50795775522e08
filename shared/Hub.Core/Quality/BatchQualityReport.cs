namespace Hub.Core.Quality;

/// <summary>A batch's figures and how it moved its department's figures from the previous completed batch.</summary>
/// <param name="Source">The source.</param>
/// <param name="Figures">This batch's figures.</param>
/// <param name="PreviousBatchId">The department's previous completed batch; null for its first.</param>
/// <param name="Movements">Each figure before and after this batch.</param>
/// <param name="WaitingFromBatch">This batch's records still waiting for a data steward.</param>
public sealed record BatchQualityReport(string Source, QualityFigures Figures, string? PreviousBatchId, IReadOnlyList<QualityMovement> Movements, long WaitingFromBatch);
