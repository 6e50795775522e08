namespace Hub.Core.Checks;

/// <summary>
/// One cross-department check (比对核查): a condition over a person's profile that means two departments disagree, and
/// the department that owns the benefit, whose worklist (with the street offices of the person's residence and
/// registration) gets an item when it holds.
/// </summary>
public sealed record CheckRule
{
    /// <summary>The stable id, e.g. <c>benefit-after-death</c>: part of every item's id, so never reused for another meaning.</summary>
    public required string Id { get; init; }

    /// <summary>The title shown with every item.</summary>
    public required CheckTitle Title { get; init; }

    /// <summary>The source id of the department that owns the benefit and decides, e.g. <c>civil-affairs</c>.</summary>
    public required string Owner { get; init; }

    /// <summary>When the check fires.</summary>
    public required CheckCondition When { get; init; }

    /// <summary>Names the rule, not a person.</summary>
    public override string ToString() => $"Check {Id}";
}
