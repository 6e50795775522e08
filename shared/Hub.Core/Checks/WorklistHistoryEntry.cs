namespace Hub.Core.Checks;

/// <summary>One step in a worklist item's life: who, when, what, and why.</summary>
/// <param name="At">When.</param>
/// <param name="By">The subject who acted, or <c>hub</c> for the Hub's checks.</param>
/// <param name="Action"><c>opened</c>, <c>confirmed</c>, <c>dismissed</c>, <c>resolved</c> or <c>reopened</c>.</param>
/// <param name="Reason">The reason given, or what the data showed; null when none.</param>
/// <param name="Batch">The batch whose data made the step; null for a person's decision.</param>
public sealed record WorklistHistoryEntry(DateTimeOffset At, string By, string Action, string? Reason = null, string? Batch = null);
