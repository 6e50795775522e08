namespace Hub.Cli;

/// <summary>One decision's outcome: applied, notFound, conflict or invalid, with the Hub's reason.</summary>
internal sealed record DecisionResultRow(int Index, string? RecordKey, string Status, string? Detail, string? Golden);
