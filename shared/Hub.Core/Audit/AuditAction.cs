namespace Hub.Core.Audit;

/// <summary>
/// What was done, as a dotted lower-case name such as <c>person.read</c>. Extensible: the well-known actions are
/// listed, and any name of lower-case letters, digits, dots and hyphens is accepted.
/// </summary>
public readonly record struct AuditAction
{
    private const int MaxLength = 64;

    private AuditAction(string value) => Value = value;

    /// <summary>A person's record was read.</summary>
    public static AuditAction PersonRead { get; } = new("person.read");

    /// <summary>The residents of a division were listed.</summary>
    public static AuditAction DivisionList { get; } = new("division.list");

    /// <summary>A person's household was read.</summary>
    public static AuditAction HouseholdRead { get; } = new("household.read");

    /// <summary>A person was looked up by ID number.</summary>
    public static AuditAction PersonLookup { get; } = new("person.lookup");

    /// <summary>A claim about a person ("is a 低保 recipient") was verified.</summary>
    public static AuditAction ClaimVerify { get; } = new("claim.verify");

    /// <summary>A department pushed a feed.</summary>
    public static AuditAction FeedPush { get; } = new("feed.push");

    /// <summary>A data steward linked or separated persons.</summary>
    public static AuditAction StewardDecision { get; } = new("steward.decision");

    /// <summary>Emergency access beyond the policy was granted.</summary>
    public static AuditAction BreakGlassGrant { get; } = new("breakglass.grant");

    /// <summary>The access policy was changed.</summary>
    public static AuditAction PolicyChange { get; } = new("policy.change");

    /// <summary>A subscription to change events was created, changed or ended.</summary>
    public static AuditAction SubscriptionChange { get; } = new("subscription.change");

    /// <summary>Subscriptions were listed or one was read.</summary>
    public static AuditAction SubscriptionRead { get; } = new("subscription.read");

    /// <summary>A page of a subscription's change events was delivered: a disclosure of the persons it names.</summary>
    public static AuditAction EventsDeliver { get; } = new("events.deliver");

    /// <summary>A data subject's report was produced: everything the Hub holds about a person, for the person.</summary>
    public static AuditAction SubjectReport { get; } = new("person.subject-report");

    /// <summary>A person was erased: their retention ran out, or a department asked. The event keeps their keys only.</summary>
    public static AuditAction PersonErase { get; } = new("person.erase");

    /// <summary>The retention sweep was run or previewed by a person.</summary>
    public static AuditAction RetentionSweep { get; } = new("retention.sweep");

    /// <summary>An administrator started or continued a pepper rotation (every person key moved to the new pepper's), or read how far it has come.</summary>
    public static AuditAction PersonKeyRotation { get; } = new("person-key.rotation");

    /// <summary>An auditor searched or verified the audit trail.</summary>
    public static AuditAction AuditRead { get; } = new("audit.read");

    /// <summary>
    /// The actions that reach a person's data: when one of them is denied, someone asked for a person outside
    /// their jurisdiction (or beyond their role), which auditors are alerted to.
    /// </summary>
    public static IReadOnlyList<AuditAction> PersonAccess { get; } = [PersonRead, DivisionList, HouseholdRead, PersonLookup, ClaimVerify, BreakGlassGrant, EventsDeliver, SubjectReport];

    /// <summary>The dotted name.</summary>
    public string Value { get; }

    /// <summary>Accepts a dotted name of lower-case letters, digits, dots and hyphens.</summary>
    public static bool TryParse(string? text, out AuditAction action)
    {
        action = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return false;
        }

        action = new AuditAction(text);
        return true;
    }

    /// <summary>Accepts a dotted name; throws <see cref="FormatException"/> otherwise.</summary>
    public static AuditAction Parse(string text) =>
        TryParse(text, out var action) ? action : throw new FormatException("An audit action is a dotted name of lower-case letters, digits, dots and hyphens.");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
