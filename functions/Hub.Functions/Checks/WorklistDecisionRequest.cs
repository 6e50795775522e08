namespace Hub.Functions.Checks;

/// <summary>The body of a decision about a worklist item.</summary>
/// <param name="Status"><c>confirmed</c> or <c>dismissed</c>.</param>
/// <param name="Reason">Why, in the decider's words (kept in the item's history); required to dismiss.</param>
internal sealed record WorklistDecisionRequest(string? Status, string? Reason);
