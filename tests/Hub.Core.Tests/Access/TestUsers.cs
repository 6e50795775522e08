using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access;

/// <summary>Users and principals for access tests; the divisions are Beijing Chaoyang (110105) codes.</summary>
internal static class TestUsers
{
    public const string Community = "110105001002";
    public const string Street = "110105001000";
    public const string District = "110105000000";

    public static ClaimsPrincipal Principal(string subject, string[] roles, string? division, string? grid = null, string? department = null)
    {
        var claims = new List<Claim> { new(HubClaims.Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(HubClaims.Roles, r)));
        foreach (var (type, value) in new[] { (HubClaims.Division, division), (HubClaims.Grid, grid), (HubClaims.Department, department) })
        {
            if (value is not null)
            {
                claims.Add(new Claim(type, value));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static HubUser User(string role, string? division = null, string? grid = null, string? department = null) =>
        new()
        {
            Subject = "user-1",
            Roles = new HashSet<string>(StringComparer.Ordinal) { role },
            Division = DivisionCode.Parse(division ?? DivisionFor(role)),
            Grid = grid is null ? null : GridCode.Parse(grid),
            Department = department is null ? null : SourceId.Parse(department),
        };

    public static string DivisionFor(string role) => HubRoles.DivisionLevelOf(role) switch
    {
        DivisionLevel.Community => Community,
        DivisionLevel.Street => Street,
        _ => District,
    };
}
