using Hub.Core.Audit;
using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary>
/// An audit event as the Hub's proof answer shows it, every field its leaf hash covers, so the command hashes what it
/// prints rather than trusting the hash the Hub sent.
/// </summary>
internal sealed record AuditProvenEvent(
    long Sequence,
    DateTimeOffset Time,
    string UserId,
    string? Role,
    string? Division,
    string? ClientApplicationId,
    string? ClientAddress,
    string? Action,
    string? Resource,
    IReadOnlyList<string> PersonKeys,
    IReadOnlyList<DisclosedField> Fields,
    string? Purpose,
    string? BreakGlassReason,
    string Outcome,
    int RecordCount,
    string? CorrelationId)
{
    /// <summary>The registry's name of <see cref="Division"/> as the Hub gave it; not hashed (the event holds the code only).</summary>
    public string? DivisionName { get; init; }

    /// <summary>The leaf hash of the event as shown: SHA-256(0x00 ‖ its canonical form).</summary>
    public string LeafHash() => AuditCheckpoint.LeafHash(Sequence, Time, new AuditEvent
    {
        Actor = new AuditActor(UserId, Role, Division, ClientApplicationId, ClientAddress),

        // Read back as the Hub reads a stored row, so a value it could not parse hashes as it did there.
        Action = AuditAction.TryParse(Action, out var action) ? action : default,
        Resource = Resource,
        PersonKeys = PersonKeys.Select(k => PersonKey.TryParse(k, out var key) ? key : default).ToList(),
        Fields = Fields,
        Purpose = Purpose,
        BreakGlassReason = BreakGlassReason,
        Outcome = Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: true, out var outcome) ? outcome : default,
        RecordCount = RecordCount,
        CorrelationId = CorrelationId,
    });

    /// <summary>The event as <c>hub audit events</c> prints it.</summary>
    public AuditEventRow Row() => new(Sequence, Time, UserId, Role, Division, Action ?? "-", Resource, PersonKeys, Purpose, BreakGlassReason, Outcome, RecordCount) { DivisionName = DivisionName };
}
