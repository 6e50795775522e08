using System.Security.Claims;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Core.Tests.Access;

public sealed class DevelopmentTokensTests
{
    [Fact]
    public void A_personal_token_is_read_back_as_the_same_user()
    {
        var token = new JsonWebToken(DevelopmentTokens.MintPersonal("grid-3", [HubRoles.GridWorker], "110105001002", grid: "G03"));

        Assert.True(HubUser.TryRead(new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "test")), out var user, out var reason), reason);

        Assert.Equal("grid-3", user.Subject);
        Assert.Equal([HubRoles.GridWorker], user.Roles);
        Assert.Equal("110105001002", user.Division.Value);
        Assert.Equal("G03", user.Grid?.Value);
    }

    [Fact]
    public void A_personal_token_the_hub_would_refuse_is_not_minted()
    {
        var error = Assert.Throws<ArgumentException>(() => DevelopmentTokens.MintPersonal("officer", [HubRoles.StreetOfficer], "110105001002"));

        Assert.Contains("division", error.Message, StringComparison.Ordinal);
    }
}
