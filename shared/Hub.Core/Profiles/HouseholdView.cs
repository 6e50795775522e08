using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>
/// A household as a community worker needs to see it on one day: its members with their relation to the head and
/// their active special-group memberships, and flags for the situations that need a visit (an elderly person
/// living alone, a disabled or severely mentally ill member, how many members are on 低保).
/// </summary>
public sealed record HouseholdView
{
    /// <summary>The relation code of the head of the household in the police code list 与户主关系.</summary>
    public const string HeadRelation = "head";

    // The order of the household register (户口簿): head, spouse, parents, children, grandchildren, others.
    private static readonly string[] RelationOrder = [HeadRelation, "spouse", "parent", "child", "grandchild", "other"];

    /// <summary>The household.</summary>
    public required HouseholdKey Key { get; init; }

    /// <summary>The day memberships are active on.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The members in register order: head first, then by relation; deceased and moved-out members are listed too.</summary>
    public required IReadOnlyList<HouseholdMember> Members { get; init; }

    /// <summary>The head of the household, when a source names one.</summary>
    public HouseholdMember? Head => Members.FirstOrDefault(m => m.IsHead);

    /// <summary>Members neither deceased nor moved out.</summary>
    public int PresentMemberCount => Members.Count(m => m.IsPresent);

    /// <summary>A present member is an elderly person living alone (孤寡老人).</summary>
    public bool HasElderlyAloneMember => CountActive(GroupId.ElderlyAlone) > 0;

    /// <summary>A present member holds a valid disability certificate.</summary>
    public bool HasDisabledMember => CountActive(GroupId.Disability) > 0;

    /// <summary>A present member has a severe mental illness.</summary>
    public bool HasSevereMentalIllnessMember => CountActive(GroupId.SevereMentalIllness) > 0;

    /// <summary>Present members on 低保.</summary>
    public int DibaoMemberCount => CountActive(GroupId.Dibao);

    /// <summary>Present members active in <paramref name="group"/> on <see cref="On"/>.</summary>
    public int CountActive(GroupId group) => Members.Count(m => m.IsPresent && m.ActiveMemberships.Any(a => a.Group == group));

    /// <summary>The view of one household on <paramref name="on"/>; every profile must belong to it.</summary>
    /// <exception cref="ArgumentException">No profiles, a profile without a household, or profiles of different households.</exception>
    public static HouseholdView Create(IEnumerable<PersonProfile> members, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(members);
        var profiles = members.ToList();
        if (profiles.Count == 0)
        {
            throw new ArgumentException("A household view needs at least one member.", nameof(members));
        }

        var key = profiles[0].HouseholdKey ?? throw new ArgumentException($"Profile {profiles[0].PersonKey} has no household.", nameof(members));
        if (profiles.FirstOrDefault(p => p.HouseholdKey != key) is { } stranger)
        {
            throw new ArgumentException($"Profile {stranger.PersonKey} belongs to another household than {key}.", nameof(members));
        }

        return new HouseholdView
        {
            Key = key,
            On = on,
            Members = profiles
                .DistinctBy(p => p.PersonKey)
                .OrderBy(p => RelationRank(p.RelationToHead))
                .ThenBy(p => p.PersonKey.Value, StringComparer.Ordinal)
                .Select(p => new HouseholdMember { Profile = p, ActiveMemberships = p.Memberships.Where(m => m.IsStatedActiveOn(on)).ToList() })
                .ToList(),
        };
    }

    /// <summary>Groups profiles into household views on <paramref name="on"/>; profiles without a household are left out.</summary>
    public static IReadOnlyList<HouseholdView> CreateAll(IEnumerable<PersonProfile> profiles, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return profiles
            .Where(p => p.HouseholdKey is not null)
            .GroupBy(p => p.HouseholdKey!.Value)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => Create(g, on))
            .ToList();
    }

    /// <summary>Names the household by key only.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Household {Key} on {On:yyyy-MM-dd}");

    private static int RelationRank(string? relation)
    {
        var rank = Array.IndexOf(RelationOrder, relation);
        return rank < 0 ? RelationOrder.Length : rank;
    }
}
