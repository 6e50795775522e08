using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>A member of a household view: the profile, the relation to the head, and the memberships active on the view's day.</summary>
public sealed record HouseholdMember
{
    /// <summary>The member's profile.</summary>
    public required PersonProfile Profile { get; init; }

    /// <summary>
    /// The memberships their sources state active on the view's day: a deceased member's too, so a benefit still
    /// running shows (it counts towards no flag, as the member is not present).
    /// </summary>
    public required IReadOnlyList<Membership> ActiveMemberships { get; init; }

    /// <summary>The member.</summary>
    public PersonKey PersonKey => Profile.PersonKey;

    /// <summary>The relation to the head of the household, when a source states it.</summary>
    public string? RelationToHead => Profile.RelationToHead;

    /// <summary>True for the head of the household.</summary>
    public bool IsHead => RelationToHead == HouseholdView.HeadRelation;

    /// <summary>
    /// True unless the register records the member's death or move out of the area: only present members count
    /// towards the household's flags.
    /// </summary>
    public bool IsPresent => Profile.Status is null or PersonStatus.Active;

    /// <summary>The groups of <see cref="ActiveMemberships"/>, each once, in order.</summary>
    public IReadOnlyList<GroupId> ActiveGroups =>
        ActiveMemberships.Select(m => m.Group).Distinct().OrderBy(g => g.Value, StringComparer.Ordinal).ToList();

    /// <summary>Names the member by key only.</summary>
    public override string ToString() => $"Member {PersonKey}";
}
