using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Functions.WebConsole;

namespace Hub.Deployment.Tests;

/// <summary>
/// infra/entra/register.sh in its dry run: the Microsoft Graph requests and az commands it would send, checked for what
/// people's sign-in needs (the scope, the console's SPA registration, the claims-mapping policy the Hub's claims come
/// from, the console settings) in the cloud az is set to.
/// </summary>
public sealed class EntraRegistrationTests
{
    private const string Register = "infra/entra/register.sh";
    private const string ApiAppId = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    [Fact]
    public async Task In_Azure_China_every_request_goes_to_China_Graph_and_the_console_returns_to_its_chinacloudsites_address()
    {
        var requests = await DryRunAsync("apps", "--env", "prod", "--resource-group", "rg-hub-prod", "--function-app", "hub-prod-func", "--cloud", "AzureChinaCloud");

        Assert.All(Graph(requests), r => Assert.StartsWith("https://microsoftgraph.chinacloudapi.cn/v1.0/", (string)r["uri"]!, StringComparison.Ordinal));
        var console = Upsert(requests, "hub-console-prod");
        Assert.Equal(["https://hub-prod-func.chinacloudsites.cn/api/console/redirect.html"], console["spa"]!["redirectUris"]!.AsArray().Select(u => (string)u!));
        Assert.Null(console["web"]);
        Assert.Null(console["publicClient"]);
    }

    [Fact]
    public async Task The_API_registration_offers_the_scope_the_console_asks_for_and_accepts_mapped_claims()
    {
        var requests = await DryRunAsync("apps", "--env", "prod", "--resource-group", "rg-hub-prod", "--function-app", "hub-prod-func", "--cloud", "AzureCloud");

        Assert.All(Graph(requests), r => Assert.StartsWith("https://graph.microsoft.com/v1.0/", (string)r["uri"]!, StringComparison.Ordinal));
        var api = Graph(requests).Select(r => r["body"]?["api"]).OfType<JsonNode>().Last();
        Assert.True((bool)api["acceptMappedClaims"]!);
        Assert.Equal(2, (int)api["requestedAccessTokenVersion"]!);
        var scope = Assert.Single(api["oauth2PermissionScopes"]!.AsArray())!;
        Assert.Equal("user_impersonation", (string)scope["value"]!);
        Assert.Equal("User", (string)scope["type"]!);
        var console = Upsert(requests, "hub-console-prod");
        var access = Assert.Single(console["requiredResourceAccess"]!.AsArray())!;
        Assert.Equal((string)scope["id"]!, (string)Assert.Single(access["resourceAccess"]!.AsArray())!["id"]!);
        Assert.Equal((string)scope["id"]!, (string)Assert.Single(api["preAuthorizedApplications"]!.AsArray())!["delegatedPermissionIds"]![0]!);
        var roles = Upsert(requests, "hub-api-prod")["appRoles"]!.AsArray().Select(r => (string)r!["value"]!).ToList();
        Assert.Contains(HubRoles.GridWorker, roles);
        Assert.Contains(HubRoles.DataSteward, roles);
    }

    [Fact]
    public async Task The_claims_mapping_policy_emits_the_three_extension_attributes_as_the_claims_the_Hub_reads_and_is_assigned_to_the_API()
    {
        var requests = await DryRunAsync("apps", "--env", "prod", "--resource-group", "rg-hub-prod", "--function-app", "hub-prod-func");

        var extensions = Graph(requests).Where(r => ((string)r["uri"]!).EndsWith("/extensionProperties", StringComparison.Ordinal) && (string)r["method"]! == "POST")
            .Select(r => (string)r["body"]!["name"]!).ToList();
        Assert.Equal([HubClaims.Division, HubClaims.Grid, HubClaims.Department], extensions);
        var policy = Graph(requests).Single(r => ((string)r["uri"]!).EndsWith("/policies/claimsMappingPolicies", StringComparison.Ordinal) && (string)r["method"]! == "POST");
        var definition = JsonNode.Parse((string)policy["body"]!["definition"]![0]!)!["ClaimsMappingPolicy"]!;
        var mapped = definition["ClaimsSchema"]!.AsArray().ToDictionary(c => (string)c!["JwtClaimType"]!, c => (string)c!["ExtensionID"]!);
        Assert.Equal(new Dictionary<string, string>
        {
            [HubClaims.Division] = "extension_<apiAppId>_division",
            [HubClaims.Grid] = "extension_<apiAppId>_grid",
            [HubClaims.Department] = "extension_<apiAppId>_department",
        }, mapped);
        var assignment = Graph(requests).Single(r => ((string)r["uri"]!).EndsWith("/servicePrincipals/<apiServicePrincipalId>/claimsMappingPolicies/$ref", StringComparison.Ordinal));
        Assert.EndsWith("/policies/claimsMappingPolicies/<claimsMappingPolicyId>", (string)assignment["body"]!["@odata.id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_app_gets_the_console_settings_the_Hub_binds()
    {
        var requests = await DryRunAsync("apps", "--env", "prod", "--resource-group", "rg-hub-prod", "--function-app", "hub-prod-func", "--console-origin", "https://hub.city.example");

        var command = requests.Select(r => r["command"]).OfType<JsonNode>().Single().AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(["az", "functionapp", "config", "appsettings", "set"], command.Take(5));
        var prefix = ConsoleOptions.SectionName.Replace(":", "__", StringComparison.Ordinal);
        Assert.Contains($"{prefix}__{nameof(ConsoleOptions.ClientId)}=<consoleAppId>", command);
        Assert.Contains($"{prefix}__{nameof(ConsoleOptions.Scope)}=api://<apiAppId>/user_impersonation", command);
        Assert.Equal(["https://hub.city.example/api/console/redirect.html"], Upsert(requests, "hub-console-prod")["spa"]!["redirectUris"]!.AsArray().Select(u => (string)u!));
    }

    [Fact]
    public async Task A_persons_division_and_grid_are_set_on_their_extension_attributes()
    {
        var requests = await DryRunAsync("user", "--env", "prod", "--api-app-id", ApiAppId, "--user", "zhao.grid@city.example", "--division", "110105003008", "--grid", "G08");

        var patch = Assert.Single(Graph(requests));
        Assert.Equal("PATCH", (string)patch["method"]!);
        Assert.Equal("https://graph.microsoft.com/v1.0/users/zhao.grid%40city.example", (string)patch["uri"]!);
        var attributes = patch["body"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["extension_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d_division"] = "110105003008",
            ["extension_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d_grid"] = "G08",
        }, attributes);
    }

    [Fact]
    public async Task A_division_that_is_not_a_12_digit_code_is_refused_before_any_request()
    {
        var result = await Script.RunAsync(Register, "user", "--env", "prod", "--api-app-id", ApiAppId, "--user", "zhao", "--division", "1101", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--division must be a 12-digit division code", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"method\"", result.Output, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<JsonNode>> DryRunAsync(params string[] arguments)
    {
        var result = await Script.RunAsync(Register, [.. arguments, "--dry-run"]);
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).ToList();
    }

    private static IEnumerable<JsonNode> Graph(IEnumerable<JsonNode> requests) => requests.Where(r => r["uri"] is not null);

    private static JsonNode Upsert(IEnumerable<JsonNode> requests, string uniqueName) =>
        Graph(requests).Single(r => (string)r["uri"]! == $"{Uri(requests)}/v1.0/applications(uniqueName='{uniqueName}')" && (string)r["method"]! == "PATCH")["body"]!;

    private static string Uri(IEnumerable<JsonNode> requests) => new Uri((string)Graph(requests).First()["uri"]!).GetLeftPart(UriPartial.Authority);
}
