namespace Hub.Cli;

/// <summary>The Hub's answer to a bulk decision: how many were applied, and each decision's outcome.</summary>
internal sealed record DecisionResultRows(int Applied, IReadOnlyList<DecisionResultRow> Results);
