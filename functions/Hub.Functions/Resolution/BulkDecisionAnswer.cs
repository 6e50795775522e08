namespace Hub.Functions.Resolution;

/// <summary>The answer to a bulk decision: one outcome per decision, in the order sent.</summary>
/// <param name="Applied">How many were applied.</param>
/// <param name="Results">Each decision's outcome.</param>
internal sealed record BulkDecisionAnswer(int Applied, IReadOnlyList<BulkDecisionOutcome> Results);
