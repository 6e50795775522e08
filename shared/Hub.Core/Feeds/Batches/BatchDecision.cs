namespace Hub.Core.Feeds.Batches;

/// <summary>A person's decision about a held snapshot.</summary>
/// <param name="Kind">Confirmed (apply it in full) or discarded (apply nothing).</param>
/// <param name="DecidedBy">The subject of the person who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Reason">Why, in their words.</param>
public sealed record BatchDecision(BatchDecisionKind Kind, string DecidedBy, DateTimeOffset DecidedAt, string Reason);
