using System.Security.Claims;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class TokenCommandTests
{
    [Fact]
    public async Task Token_is_a_jwt_carrying_the_requested_roles_claims_and_lifetime()
    {
        var run = await Cli.RunAsync("token", "--role", "Persons.Read", "--role", "Feeds.Publish.police", "--subject", "street-office-7", "--claim", "division=110105003", "--lifetime", "2h");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var token = new JsonWebToken(run.Output.Trim());
        Assert.Equal(["Persons.Read", "Feeds.Publish.police"], token.Claims.Where(c => c.Type == HubClaims.Roles).Select(c => c.Value));
        Assert.Equal("street-office-7", token.Subject);
        Assert.Equal("110105003", token.GetClaim("division").Value);
        Assert.Equal(DevelopmentTokens.Issuer, token.Issuer);
        Assert.Equal(TimeSpan.FromHours(2), token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task The_source_shortcut_grants_the_publisher_role_to_the_source_client()
    {
        var run = await Cli.RunAsync("token", "--source", "civil-affairs");

        var token = new JsonWebToken(run.Output.Trim());
        Assert.Equal(HubRoles.FeedPublisher("civil-affairs"), token.GetClaim(HubClaims.Roles).Value);
        Assert.Equal("civil-affairs-client", token.Subject);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token", "--source", "Civil Affairs")]
    [InlineData("token", "--role", "X", "--claim", "novalue")]
    [InlineData("token", "--role", "X", "--lifetime", "soon")]
    public async Task A_token_that_cannot_be_made_as_asked_is_a_usage_error(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_street_officer_token_carries_the_role_and_the_division()
    {
        var run = await Cli.RunAsync("token", "--role", HubRoles.StreetOfficer, "--division", "110105001000", "--subject", "wang-officer");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var token = new JsonWebToken(run.Output.Trim());
        Assert.Equal(HubRoles.StreetOfficer, token.GetClaim(HubClaims.Roles).Value);
        Assert.Equal("110105001000", token.GetClaim(HubClaims.Division).Value);
        Assert.Equal("wang-officer", token.Subject);
        Assert.False(token.TryGetClaim(HubClaims.Grid, out _));
    }

    [Fact]
    public async Task A_grid_worker_token_carries_the_grid_and_is_read_back_as_a_hub_user()
    {
        var run = await Cli.RunAsync("token", "--role", HubRoles.GridWorker, "--division", "110105001002", "--grid", "g03");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var token = new JsonWebToken(run.Output.Trim());
        var principal = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "test"));
        Assert.True(HubUser.TryRead(principal, out var user, out var reason), reason);
        Assert.Equal("G03", user.Grid?.Value);
        Assert.Equal("110105001002", user.Division.Value);
    }

    [Fact]
    public async Task A_department_officer_token_carries_the_department()
    {
        var run = await Cli.RunAsync("token", "--role", HubRoles.DepartmentOfficer, "--division", "110105", "--department", "civil-affairs");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var token = new JsonWebToken(run.Output.Trim());
        Assert.Equal("civil-affairs", token.GetClaim(HubClaims.Department).Value);
        Assert.Equal("110105000000", token.GetClaim(HubClaims.Division).Value);
    }

    [Theory]
    [InlineData("token", "--role", HubRoles.StreetOfficer)]
    [InlineData("token", "--role", HubRoles.StreetOfficer, "--division", "110105001002")]
    [InlineData("token", "--role", HubRoles.StreetOfficer, "--division", "1101050010")]
    [InlineData("token", "--role", HubRoles.GridWorker, "--division", "110105001002")]
    [InlineData("token", "--role", HubRoles.DepartmentOfficer, "--division", "110105000000")]
    [InlineData("token", "--role", "Hub.Mayor", "--division", "110105000000")]
    [InlineData("token", "--source", "police", "--division", "110105000000")]
    public async Task A_personal_token_the_hub_would_refuse_is_a_usage_error(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("8h", 8 * 60)]
    [InlineData("30m", 30)]
    [InlineData("2d", 2 * 24 * 60)]
    [InlineData("01:30:00", 90)]
    public void Lifetimes_are_read_in_the_usual_spellings(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TokenCommand.ParseLifetime(text));
}
