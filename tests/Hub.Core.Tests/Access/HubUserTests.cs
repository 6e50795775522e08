using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access;

public sealed class HubUserTests
{
    [Fact]
    public void A_street_officer_is_read_with_subject_role_and_division()
    {
        var principal = TestUsers.Principal("officer-7", [HubRoles.StreetOfficer, "Feeds.Publish.police"], TestUsers.Street);

        Assert.True(HubUser.TryRead(principal, out var user, out var reason), reason);

        Assert.Equal("officer-7", user.Subject);
        Assert.Equal([HubRoles.StreetOfficer], user.Roles);
        Assert.Equal(DivisionLevel.Street, user.Division.Level);
        Assert.Null(user.Grid);
        Assert.Null(user.Department);
    }

    [Fact]
    public void A_grid_worker_carries_the_grid_upper_cased()
    {
        var principal = TestUsers.Principal("grid-3", [HubRoles.GridWorker], TestUsers.Community, grid: "g03");

        Assert.True(HubUser.TryRead(principal, out var user, out var reason), reason);

        Assert.Equal("G03", user.Grid?.Value);
    }

    [Fact]
    public void A_department_officer_carries_the_department()
    {
        var principal = TestUsers.Principal("ca-officer", [HubRoles.DepartmentOfficer], TestUsers.District, department: "civil-affairs");

        Assert.True(HubUser.TryRead(principal, out var user, out var reason), reason);

        Assert.Equal("civil-affairs", user.Department?.Value);
    }

    [Theory]
    [InlineData(HubRoles.StreetOfficer, TestUsers.Community, null, null, "division")]
    [InlineData(HubRoles.CommunityWorker, TestUsers.Street, null, null, "division")]
    [InlineData(HubRoles.DistrictOfficer, TestUsers.Street, null, null, "division")]
    [InlineData(HubRoles.StreetOfficer, null, null, null, "division")]
    [InlineData(HubRoles.StreetOfficer, "11010500100", null, null, "division")]
    [InlineData(HubRoles.GridWorker, TestUsers.Community, null, null, "grid")]
    [InlineData(HubRoles.GridWorker, TestUsers.Community, "G 03!", null, "grid")]
    [InlineData(HubRoles.DepartmentOfficer, TestUsers.District, null, null, "department")]
    [InlineData(HubRoles.DepartmentOfficer, TestUsers.District, null, "Civil Affairs", "department")]
    public void A_token_that_does_not_place_the_user_properly_is_refused_naming_the_claim(string role, string? division, string? grid, string? department, string claim)
    {
        var principal = TestUsers.Principal("someone", [role], division, grid, department);

        Assert.False(HubUser.TryRead(principal, out var user, out var reason));

        Assert.Null(user);
        Assert.Contains(claim, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_publisher_is_not_a_personal_user()
    {
        var principal = TestUsers.Principal("police-client", ["Feeds.Publish.police"], TestUsers.District);

        Assert.False(HubUser.TryRead(principal, out _, out var reason));

        Assert.Contains("roles", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_never_quotes_the_claim_value()
    {
        var principal = TestUsers.Principal("someone", [HubRoles.StreetOfficer], "11010519491231002X");

        Assert.False(HubUser.TryRead(principal, out _, out var reason));

        Assert.DoesNotContain("11010519491231002X", reason, StringComparison.Ordinal);
    }
}
