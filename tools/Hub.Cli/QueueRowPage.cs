namespace Hub.Cli;

/// <summary>A page of the steward queue, as far as <c>hub queue</c> prints it: keys and scores, never what a record says.</summary>
internal sealed record QueueRowPage(IReadOnlyList<QueueRow> Items, int Total, string? Continuation);
