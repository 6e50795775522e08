namespace Hub.Cli;

/// <summary>A step of a worklist item's history: who, when, what.</summary>
internal sealed record WorklistStep(DateTimeOffset At, string By, string Action, string? Reason, string? Batch);
