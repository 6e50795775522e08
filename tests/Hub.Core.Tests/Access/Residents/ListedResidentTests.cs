using Hub.Core.Access.Residents;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access.Residents;

public sealed class ListedResidentTests
{
    private static readonly DateOnly Day = new(2025, 6, 1);

    [Fact]
    public void A_membership_active_on_the_day_lists_the_person()
    {
        var resident = With(new ResidentMembership(GroupId.Parse("dibao"), new DateOnly(2024, 1, 1), null));

        Assert.True(resident.IsSpecialGroupMemberOn(Day));
    }

    [Fact]
    public void A_membership_that_ended_before_the_day_or_starts_after_it_does_not()
    {
        var resident = With(
            new ResidentMembership(GroupId.Parse("dibao"), new DateOnly(2024, 1, 1), new DateOnly(2025, 5, 31)),
            new ResidentMembership(GroupId.Parse("tekun"), new DateOnly(2025, 6, 2), null));

        Assert.False(resident.IsSpecialGroupMemberOn(Day));
    }

    [Fact]
    public void A_named_group_lists_only_its_active_members()
    {
        var resident = With(
            new ResidentMembership(GroupId.Parse("dibao"), new DateOnly(2024, 1, 1), null),
            new ResidentMembership(GroupId.Parse("tekun"), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));

        Assert.True(resident.IsSpecialGroupMemberOn(Day, GroupId.Parse("dibao")));
        Assert.False(resident.IsSpecialGroupMemberOn(Day, GroupId.Parse("tekun")));
    }

    private static ListedResident With(params ResidentMembership[] memberships) =>
        new(PersonKey.Parse(new string('a', 32)), new ResidentListPosition("110105001", "001|-|" + new string('a', 32)), "110105001001", null, [], memberships, null, null, null, Identified: true);
}
