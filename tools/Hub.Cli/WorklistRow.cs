namespace Hub.Cli;

/// <summary>A worklist item as far as <c>hub worklist</c> prints it: ids, check, status and places, never a name.</summary>
internal sealed record WorklistRow(string Id, string Rule, string Owner, string PersonKey, string Status, DateTimeOffset OpenedAt, IReadOnlyList<string> Streets, IReadOnlyList<WorklistStep> History);
