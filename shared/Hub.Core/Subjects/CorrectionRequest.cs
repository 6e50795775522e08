using Hub.Core.Kernel;

namespace Hub.Core.Subjects;

/// <summary>
/// A resident's request to correct one value the Hub holds about them (PIPL art. 46), filed by an officer and routed
/// to the department whose value it is: only that department's officers see and decide it. The Hub changes no value
/// itself: the department corrects its register, and its next feed brings the value.
/// </summary>
public sealed record CorrectionRequest
{
    /// <summary>The request's id, unique within the owning department.</summary>
    public required string Id { get; init; }

    /// <summary>The department that owns the value.</summary>
    public required string Owner { get; init; }

    /// <summary>The person.</summary>
    public required PersonKey PersonKey { get; init; }

    /// <summary>The attribute, e.g. <c>phone</c>.</summary>
    public required string Attribute { get; init; }

    /// <summary>The value the Hub holds, as the owner sent it (personal data).</summary>
    public required string CurrentValue { get; init; }

    /// <summary>The value the resident says is right (personal data).</summary>
    public required string ProposedValue { get; init; }

    /// <summary>Why, in the resident's or officer's words.</summary>
    public required string Reason { get; init; }

    /// <summary>The batch the current value came in.</summary>
    public required string Batch { get; init; }

    /// <summary>The officer who filed it.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>The filing officer's division.</summary>
    public string? RequestedDivision { get; init; }

    /// <summary>When it was filed.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required CorrectionStatus Status { get; init; }

    /// <summary>The department's officer who decided it; null while open.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When it was decided; null while open.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The department's answer; null while open.</summary>
    public string? Answer { get; init; }

    /// <summary>Names the request by id, owner and attribute only.</summary>
    public override string ToString() => $"Correction {Id} of {Attribute} for {Owner}";
}
