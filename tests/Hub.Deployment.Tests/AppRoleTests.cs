using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

public sealed class AppRoleTests
{
    [Fact]
    public void Every_personal_role_the_hub_checks_is_registered_in_entra_for_users()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "entra", "app-roles.json")))!.AsArray()
            .ToDictionary(r => (string)r!["value"]!, r => r!["allowedMemberTypes"]!.AsArray().Select(t => (string)t!).ToList(), StringComparer.Ordinal);

        Assert.All(HubRoles.PersonalRoles, role =>
        {
            Assert.True(roles.TryGetValue(role, out var memberTypes), $"{role} is not in app-roles.json");
            Assert.Contains("User", memberTypes);
        });
    }
}
