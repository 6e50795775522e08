namespace Hub.Samples;

/// <summary>What a large streamed feed holds, for a benchmark to check the Hub's account against.</summary>
/// <param name="Rows">Data rows written.</param>
/// <param name="RowsWithMistakes">Rows that carry a mistake.</param>
/// <param name="RowsRejected">Rows the Hub must reject.</param>
public sealed record LargeFeedSummary(long Rows, long RowsWithMistakes, long RowsRejected);