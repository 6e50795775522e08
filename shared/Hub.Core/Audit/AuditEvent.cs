using Hub.Core.Kernel;

namespace Hub.Core.Audit;

/// <summary>
/// One audited action: who, what, why and with what outcome. It names persons by their person keys only and
/// disclosed attributes by name only; it never holds an ID number, a name or any other clear personal value.
/// When it happened is stamped by <see cref="AuditLog"/> as it is written.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>The most person keys one event may carry; a longer list is recorded as several events (pages).</summary>
    public const int MaxPersonKeys = 500;

    /// <summary>The longest free-text value (resource, purpose, break-glass reason, ids) accepted.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>Who acted.</summary>
    public required AuditActor Actor { get; init; }

    /// <summary>What was done.</summary>
    public required AuditAction Action { get; init; }

    /// <summary>What it was done to: a route, a division, a source or batch; never personal data.</summary>
    public string? Resource { get; init; }

    /// <summary>The persons the action touched.</summary>
    public IReadOnlyList<PersonKey> PersonKeys { get; init; } = [];

    /// <summary>The attributes the answer disclosed, each with whether it was masked.</summary>
    public IReadOnlyList<DisclosedField> Fields { get; init; } = [];

    /// <summary>The declared purpose (a case or document reference, as X-Road's <c>issue</c>).</summary>
    public string? Purpose { get; init; }

    /// <summary>Why emergency access beyond the policy was taken; null when it was not.</summary>
    public string? BreakGlassReason { get; init; }

    /// <summary>Whether the action was allowed, denied or failed.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>How many records the answer held.</summary>
    public int RecordCount { get; init; }

    /// <summary>The request's correlation or trace id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Whether break-glass access was taken.</summary>
    public bool IsBreakGlass => BreakGlassReason is not null;

    /// <summary>Throws <see cref="ArgumentException"/> when the event cannot be recorded as it is.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Actor.UserId))
        {
            throw new ArgumentException("An audit event needs the acting user's id.");
        }

        if (Action.Value is null || !Enum.IsDefined(Outcome) || RecordCount < 0)
        {
            throw new ArgumentException("An audit event needs an action, a defined outcome and a record count of zero or more.");
        }

        if (PersonKeys.Count > MaxPersonKeys)
        {
            throw new ArgumentException($"An audit event carries at most {MaxPersonKeys} person keys; record a longer list as several events.");
        }

        string?[] texts = [Actor.UserId, Actor.Role, Actor.Division, Actor.ClientApplicationId, Actor.ClientAddress, Resource, Purpose, BreakGlassReason, CorrelationId];
        if (texts.Any(t => t is { Length: > MaxTextLength }) || Fields.Any(f => string.IsNullOrEmpty(f.Name) || f.Name.Length > MaxTextLength || f.Name.AsSpan().IndexOfAny(",=") >= 0))
        {
            throw new ArgumentException($"Audit texts are at most {MaxTextLength} characters, and field names hold neither ',' nor '='.");
        }
    }
}
