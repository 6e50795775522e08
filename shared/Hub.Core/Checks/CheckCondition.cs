namespace Hub.Core.Checks;

/// <summary>
/// When a check fires for a person: every clause given must hold. A membership clause is required, since a check is
/// about a benefit its owner must review; the evidence is the facts behind each clause.
/// </summary>
public sealed record CheckCondition
{
    /// <summary>
    /// The statuses the person must have in the register (<c>active</c>, <c>deceased</c>, <c>movedOut</c>, or
    /// <c>none</c> for a person the register does not hold); empty for any.
    /// </summary>
    public IReadOnlyList<string> Status { get; init; } = [];

    /// <summary>The memberships that make the check fire.</summary>
    public MembershipCondition? Membership { get; init; }

    /// <summary>What the person's household must show as well; null for nothing.</summary>
    public HouseholdCondition? Household { get; init; }
}
