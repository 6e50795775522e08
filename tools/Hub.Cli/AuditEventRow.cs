namespace Hub.Cli;

/// <summary>An audit event as the Hub's auditor API shows it, as far as the command prints it.</summary>
internal sealed record AuditEventRow(
    long Sequence,
    DateTimeOffset Time,
    string UserId,
    string? Role,
    string? Division,
    string Action,
    string? Resource,
    IReadOnlyList<string> PersonKeys,
    string? Purpose,
    string? BreakGlassReason,
    string Outcome,
    int RecordCount)
{
    /// <summary>The registry's name of <see cref="Division"/>, as the Hub gave it; null when it knows none.</summary>
    public string? DivisionName { get; init; }
}
