namespace Hub.Core.Identity.Resolution;

/// <summary>The result of a steward's decision.</summary>
/// <param name="Status">How it went.</param>
/// <param name="Detail">Why it was refused; null when done.</param>
/// <param name="Golden">The golden person the key belongs to afterwards.</param>
public sealed record DecisionResult(DecisionStatus Status, string? Detail = null, string? Golden = null);
