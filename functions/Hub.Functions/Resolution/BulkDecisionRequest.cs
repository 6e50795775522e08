namespace Hub.Functions.Resolution;

/// <summary>The body of a bulk decision: the decisions about a reviewed page of the queue, applied in order.</summary>
/// <param name="Decisions">1 to <see cref="BulkDecisionsApi.MaxDecisions"/> decisions.</param>
internal sealed record BulkDecisionRequest(IReadOnlyList<BulkDecision?>? Decisions);
