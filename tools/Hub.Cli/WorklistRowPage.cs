namespace Hub.Cli;

/// <summary>A page of the caller's worklist.</summary>
internal sealed record WorklistRowPage(IReadOnlyList<WorklistRow> Items, string? ContinuationToken);
