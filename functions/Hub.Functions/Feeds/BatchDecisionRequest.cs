namespace Hub.Functions.Feeds;

/// <summary>The body of a decision about a held snapshot: why, in the decider's words (kept with the batch).</summary>
internal sealed record BatchDecisionRequest(string? Reason);
