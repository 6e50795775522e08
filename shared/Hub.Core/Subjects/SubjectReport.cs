namespace Hub.Core.Subjects;

/// <summary>
/// Everything the Hub holds about one person, for the person themselves (PIPL art. 45): the profile with the source of
/// every value, the special-group memberships, every department's facts as sent with their batches and dates, who
/// looked at the record and what was shared with which subscription. The report's own production is not in it: it
/// is audited as the report is answered, and appears in the next one.
/// </summary>
public sealed record SubjectReport
{
    /// <summary>The person's key (the golden key when records were linked).</summary>
    public required string PersonKey { get; init; }

    /// <summary>The other keys whose records belong to the person.</summary>
    public required IReadOnlyList<string> LinkedKeys { get; init; }

    /// <summary>When the report was produced.</summary>
    public required DateTimeOffset ProducedAt { get; init; }

    /// <summary>The day memberships are shown as active or not on.</summary>
    public required DateOnly On { get; init; }

    /// <summary>True for a provisional person: records kept without a usable ID number.</summary>
    public required bool Provisional { get; init; }

    /// <summary>The profile's values, each with the source, batch and day it comes from.</summary>
    public required IReadOnlyList<SubjectValue> Profile { get; init; }

    /// <summary>The person's status in the household register, with its source; null when no source states one.</summary>
    public SubjectValue? Status { get; init; }

    /// <summary>Special-group memberships, ended ones included.</summary>
    public required IReadOnlyList<SubjectMembership> Memberships { get; init; }

    /// <summary>Every department's records about the person, as sent.</summary>
    public required IReadOnlyList<SubjectFact> Facts { get; init; }

    /// <summary>Every look at the record: reads, look-ups, lists, verifications, earlier reports.</summary>
    public required IReadOnlyList<SubjectAccess> Accesses { get; init; }

    /// <summary>Every page of change events that named the person, with the subscription that received it.</summary>
    public required IReadOnlyList<SubjectDisclosure> SharedWith { get; init; }

    /// <summary>True when the trail held more than a report lists; the oldest are listed.</summary>
    public required bool TrailCut { get; init; }
}
