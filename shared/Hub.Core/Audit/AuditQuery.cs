using Hub.Core.Identity;

namespace Hub.Core.Audit;

/// <summary>What an auditor searches for: a time range and any of the filters; all given filters must hold.</summary>
public sealed record AuditQuery
{
    /// <summary>The earliest time (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The latest time (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only events of this user.</summary>
    public string? UserId { get; init; }

    /// <summary>Only events that touched this person ("who looked at this person"); served by the person index.</summary>
    public PersonKey? PersonKey { get; init; }

    /// <summary>Only events of users whose division code starts with this prefix (e.g. a district's 6 digits).</summary>
    public string? DivisionPrefix { get; init; }

    /// <summary>Only events of one of these actions; null or empty for any action.</summary>
    public IReadOnlyList<AuditAction>? Actions { get; init; }

    /// <summary>Only events with exactly this declared purpose.</summary>
    public string? Purpose { get; init; }

    /// <summary>Only events with this outcome.</summary>
    public AuditOutcome? Outcome { get; init; }

    /// <summary>Only break-glass events (true) or only ordinary ones (false).</summary>
    public bool? BreakGlass { get; init; }
}
