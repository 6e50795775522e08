using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>
/// A worklist item: one check that held for one person about one membership, for the owning department and the
/// street offices of the person's places. Never deleted: when the condition clears it is resolved.
/// </summary>
public sealed record WorklistItem
{
    /// <summary>The stable id (<see cref="CheckFinding.ItemId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The check's id.</summary>
    public required string Rule { get; init; }

    /// <summary>The department that owns the benefit.</summary>
    public required string Owner { get; init; }

    /// <summary>The person.</summary>
    public required PersonKey PersonKey { get; init; }

    /// <summary>Where the item stands.</summary>
    public required WorklistStatus Status { get; init; }

    /// <summary>The facts behind it, as last found.</summary>
    public required IReadOnlyList<CheckEvidence> Evidence { get; init; }

    /// <summary>Every step, oldest first.</summary>
    public required IReadOnlyList<WorklistHistoryEntry> History { get; init; }

    /// <summary>When the item was first opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the item last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The person's residence when last evaluated.</summary>
    public DivisionPlace? Residence { get; init; }

    /// <summary>The person's household registration when last evaluated.</summary>
    public DivisionPlace? Registration { get; init; }

    /// <summary>The person's surviving name when last evaluated (personal data: rendered by the access policy only).</summary>
    public string? Name { get; init; }

    /// <summary>The source of <see cref="Name"/>.</summary>
    public string? NameSource { get; init; }

    /// <summary>The streets whose offices see the item: those of the residence and the registration, each once.</summary>
    public IReadOnlyList<string> Streets =>
        new[] { Residence, Registration }.OfType<DivisionPlace>().Select(p => p.Division.Street).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Names the check and the person key only.</summary>
    public override string ToString() => $"Worklist item {Id} ({Rule})";
}
