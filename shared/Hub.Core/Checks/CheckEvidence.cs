using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>
/// One fact behind a worklist item: where it comes from (source, batch, as of when), what it is about, and the
/// attributes it rests on. The values are personal data: they are stored with the item and given to users only as
/// the access policy renders them, never logged.
/// </summary>
public sealed record CheckEvidence
{
    /// <summary>What the evidence is.</summary>
    public required EvidenceKind Kind { get; init; }

    /// <summary>The source that stated the fact; empty when only the resident index knows it (another household member's).</summary>
    public required string Source { get; init; }

    /// <summary>The batch that last changed the fact; empty when unknown.</summary>
    public string Batch { get; init; } = string.Empty;

    /// <summary>The day the Hub last changed the fact; null when unknown.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The group of a membership; null for a status.</summary>
    public GroupId? Group { get; init; }

    /// <summary>Another household member, for <see cref="EvidenceKind.HouseholdMember"/>; null otherwise.</summary>
    public PersonKey? Member { get; init; }

    /// <summary>Attribute → value the fact rests on (e.g. <c>deathDate</c>, <c>validFrom</c>, <c>validTo</c>).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Names the kind and source, never a value.</summary>
    public override string ToString() => $"{Kind} evidence from {Source}";
}
