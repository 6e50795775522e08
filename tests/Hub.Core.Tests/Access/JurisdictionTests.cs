using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access;

public sealed class JurisdictionTests
{
    private static readonly DivisionPlace OwnCommunityG03 = new(DivisionCode.Parse("110105001002"), GridCode.Parse("G03"));
    private static readonly DivisionPlace OwnCommunityG04 = new(DivisionCode.Parse("110105001002"), GridCode.Parse("G04"));
    private static readonly DivisionPlace NeighbourCommunity = new(DivisionCode.Parse("110105001003"));
    private static readonly DivisionPlace OtherStreet = new(DivisionCode.Parse("110105002001"));
    private static readonly DivisionPlace OtherDistrict = new(DivisionCode.Parse("110106001001"));

    [Theory]
    [InlineData("110105001002", "110105001002", DivisionLevel.Community)]
    [InlineData("110105001000", "110105001", DivisionLevel.Street)]
    [InlineData("110105000000", "110105", DivisionLevel.County)]
    [InlineData("110100000000", "1101", DivisionLevel.City)]
    [InlineData("110105100000", "110105100", DivisionLevel.Street)]
    [InlineData("110105010100", "110105010100", DivisionLevel.Community)]
    public void The_prefix_strips_trailing_zero_groups_only_at_level_boundaries(string code, string prefix, DivisionLevel level)
    {
        var division = DivisionCode.Parse(code);

        Assert.Equal(prefix, division.Prefix);
        Assert.Equal(level, division.Level);
    }

    [Fact]
    public void A_street_officer_sees_every_community_of_the_street_and_nothing_beyond()
    {
        var street = Jurisdiction.Of(TestUsers.User(HubRoles.StreetOfficer));

        Assert.True(street.Covers(OwnCommunityG03, null));
        Assert.True(street.Covers(NeighbourCommunity, null));
        Assert.False(street.Covers(OtherStreet, null));
        Assert.False(street.Covers(OtherDistrict, null));
    }

    [Fact]
    public void A_person_registered_inside_but_living_elsewhere_is_inside()
    {
        var street = Jurisdiction.Of(TestUsers.User(HubRoles.StreetOfficer));

        Assert.True(street.Covers(OtherDistrict, NeighbourCommunity));
        Assert.False(street.Covers(OtherDistrict, OtherStreet));
        Assert.False(street.Covers(null, null));
    }

    [Fact]
    public void A_district_officer_sees_every_street_of_the_district()
    {
        var district = Jurisdiction.Of(TestUsers.User(HubRoles.DistrictOfficer));

        Assert.True(district.Covers(OtherStreet, null));
        Assert.False(district.Covers(OtherDistrict, null));
    }

    [Fact]
    public void A_grid_worker_sees_only_their_grid_of_their_community()
    {
        var grid = Jurisdiction.Of(TestUsers.User(HubRoles.GridWorker, grid: "G03"));

        Assert.True(grid.Covers(OwnCommunityG03, null));
        Assert.False(grid.Covers(OwnCommunityG04, null));
        Assert.False(grid.Covers(OwnCommunityG03 with { Grid = null }, null));
        Assert.False(grid.Covers(NeighbourCommunity with { Grid = GridCode.Parse("G03") }, null));
        Assert.True(grid.Covers(OtherDistrict, OwnCommunityG03));
    }

    [Fact]
    public void A_community_worker_sees_every_grid_of_the_community()
    {
        var community = Jurisdiction.Of(TestUsers.User(HubRoles.CommunityWorker));

        Assert.True(community.Covers(OwnCommunityG03, null));
        Assert.True(community.Covers(OwnCommunityG04, null));
        Assert.False(community.Covers(NeighbourCommunity, null));
    }

    [Fact]
    public void A_grid_worker_who_is_also_a_community_worker_sees_the_whole_community()
    {
        var user = TestUsers.User(HubRoles.GridWorker, grid: "G03") with
        {
            Roles = new HashSet<string>(StringComparer.Ordinal) { HubRoles.GridWorker, HubRoles.CommunityWorker },
        };

        var jurisdiction = Jurisdiction.Of(user);

        Assert.Null(jurisdiction.Grid);
        Assert.True(jurisdiction.Covers(OwnCommunityG04, null));
    }
}
