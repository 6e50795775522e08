using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Reads;
using Hub.Core.Tests.Access;
using Hub.Core.Tests.Profiles;

namespace Hub.Core.Tests.Reads;

public sealed class PersonViewerTests
{
    private static readonly AccessPolicy Policy = ShippedPolicy.Load();

    [Fact]
    public void A_token_without_a_personal_identity_starts_no_look()
    {
        var start = PersonViewer.Start(new ClaimsPrincipal(new ClaimsIdentity([new Claim(HubClaims.Subject, "app")], "test")), Policy, purposeText: null);

        Assert.False(start.Started);
        Assert.Equal(ViewerRefusal.NotPersonal, start.Refusal);
    }

    [Fact]
    public void A_purpose_the_policy_does_not_list_starts_no_look()
    {
        var start = PersonViewer.Start(TestUsers.Principal("u1", [HubRoles.StreetOfficer], TestUsers.Street), Policy, "curiosity");

        Assert.Equal((false, ViewerRefusal.UnknownPurpose), (start.Started, start.Refusal));
    }

    [Fact]
    public void A_personal_user_with_a_listed_purpose_looks_within_their_division()
    {
        var start = PersonViewer.Start(TestUsers.Principal("u1", [HubRoles.StreetOfficer], TestUsers.Street), Policy, "home-visit");

        Assert.True(start.Started);
        Assert.Equal("home-visit", start.Viewer.Purpose?.Value);
        Assert.Equal(TestUsers.Street, start.Viewer.Jurisdiction.Division.Value);
        Assert.False(start.Viewer.Request.BreakGlass);
    }

    [Theory]
    [InlineData("110105001002", null, true)]
    [InlineData(null, "110105001003", true)]
    [InlineData("110105002001", "110106001001", false)]
    public void A_person_is_covered_when_their_residence_or_registration_lies_in_the_jurisdiction(string? residence, string? registration, bool covered)
    {
        var viewer = PersonViewer.Start(TestUsers.Principal("u1", [HubRoles.StreetOfficer], TestUsers.Street), Policy, purposeText: null).Viewer!;
        var profile = new PersonProfile
        {
            PersonKey = TestFacts.Key,
            BuiltFor = new DateOnly(2025, 6, 30),
            Residence = Place(residence),
            Registration = Place(registration),
        };

        Assert.Equal(covered, viewer.Covers(profile));
    }

    private static Place? Place(string? division) =>
        division is null ? null : new Place(DivisionCode.Parse(division), Grid: null, Address: null, new Provenance("police", "b1", new DateOnly(2025, 6, 1)));
}
